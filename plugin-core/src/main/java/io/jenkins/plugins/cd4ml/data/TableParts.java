package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a large plain CSV file as consecutive parts, each from its own offset, on several threads,
 * so that finding fields and whatever the consumers do with them run on every core with no block
 * crossing between cores (a {@link BlockPipeline}'s consumers wait on one reading thread).
 *
 * <p>A part starts after a line feed near its nominal offset. Whether that line feed really ends a
 * record (it may sit inside a quoted field) is known once the part before has been read from a
 * record boundary: it must have stopped exactly there. Parts are only guessed, never trusted: when
 * a guess was wrong, or a later part fails (its lines are counted from its own start, so its error
 * could not name the right line), {@link #read} says so and the caller reads the file whole, which
 * gives exactly the sequential result or error. A failure in the first part is exact and thrown.
 *
 * <p>Typical use:
 * <pre>{@code
 * Optional<TableParts> parts = TableParts.of(file, format, TableParts.defaultThreads(), TableParts.MIN_PART_BYTES);
 * if (parts.isPresent()) {
 *     List<MyConsumer> consumers = ...; // parts.get().count() of them, each filling its own columns
 *     if (parts.get().read(consumers, "cd4ml-predictions")) {
 *         // join the consumers' columns in order
 *     }
 * }
 * // otherwise: read the file whole
 * }</pre>
 */
public final class TableParts {
    /** Parts smaller than this are not worth their bookkeeping. */
    public static final long MIN_PART_BYTES = 8L << 20;
    private static final int MAX_THREADS = 8;
    /**
     * Parts per thread. Threads take the next unread part as they finish one, so more parts than
     * threads would let a thread slowed by other work leave its share to the others; but each part
     * grows its own columns, and on a 1 GiB heap eight parts per thread doubled the collector's
     * pauses (large arrays are allocated outside the young generation) for no gain on a quiet machine.
     */
    private static final int PARTS_PER_THREAD = 1;
    /** How far past a nominal offset a line feed is looked for before giving up that split. */
    private static final int BOUNDARY_WINDOW = 1 << 16;

    /** Receives one part's blocks, in order, on whichever thread reads that part. */
    @FunctionalInterface
    public interface PartConsumer extends BlockPipeline.BlockConsumer {
        /**
         * Called after the part's last block, on the same thread: a consumer can give back what it
         * grew for more rows (only the parts being read at once should hold spare room).
         */
        default void partRead() {
            // nothing to give back
        }
    }

    private final Path file;
    private final TableFormat format;
    /** Where each part starts in the file; the first part starts at the header. */
    private final long[] starts;
    private final long size;
    private final int byteOrderMark;
    private final int threads;
    private final AtomicBoolean stop = new AtomicBoolean();
    private int blockBytes = CsvBlockReader.BLOCK_BYTES;

    private TableParts(Path file, TableFormat format, long[] starts, long size, int byteOrderMark, int threads) {
        this.threads = threads;
        this.file = file;
        this.format = format;
        this.starts = starts;
        this.size = size;
        this.byteOrderMark = byteOrderMark;
    }

    /** @return the threads worth reading with here: one per processor, at most eight */
    public static int defaultThreads() {
        return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Plans how a file would be read in parts.
     *
     * @param file the file
     * @param format its format
     * @param threads how many threads will read the parts (a few parts each)
     * @param minPartBytes no part smaller than this
     * @return the parts, or empty when the file is not read in parts: one thread, not plain CSV
     *     (compressed, JSON Lines), too small for two parts, or no line feed near the offsets to split at
     * @throws InvalidInputException when the file cannot be read
     */
    public static Optional<TableParts> of(Path file, TableFormat format, int threads, long minPartBytes)
            throws InvalidInputException {
        return of(file, format, threads, PARTS_PER_THREAD, minPartBytes);
    }

    /** As {@link #of(Path, TableFormat, int, long)}, with more parts than threads in tests. */
    static Optional<TableParts> of(Path file, TableFormat format, int threads, int partsPerThread, long minPartBytes)
            throws InvalidInputException {
        if (threads < 2 || format.kind() != TableFormat.Kind.CSV || file.getFileName().toString().endsWith(".gz")
                || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int parts = (int) Math.min((long) threads * partsPerThread, size / Math.max(1, minPartBytes));
            if (parts < 2) {
                return Optional.empty();
            }
            List<Long> starts = new ArrayList<>(List.of(0L));
            for (int k = 1; k < parts; k++) {
                long start = recordStartAfter(channel, size * k / parts);
                if (start > starts.get(starts.size() - 1) && start < size) {
                    starts.add(start);
                }
            }
            if (starts.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new TableParts(file, format, starts.stream().mapToLong(Long::longValue).toArray(),
                    size, byteOrderMark(channel), threads));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads blocks of about this many bytes: tiny ones in tests of rows across block boundaries. */
    TableParts blockBytes(int bytes) {
        blockBytes = bytes;
        return this;
    }

    /** An I/O failure, or the interrupt of an aborted build (which closes the file's channel). */
    private static InvalidInputException unreadable(Path file, Exception e) {
        boolean interrupted = e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted();
        return new InvalidInputException(SourceLocation.ofFile(file.toString()),
                interrupted ? "reading was interrupted" : "cannot be read: " + e.getMessage(), e);
    }

    /** @return the number of parts, hence of consumers {@link #read} takes */
    public int count() {
        return starts.length;
    }

    /**
     * Reads the parts on several threads (the calling one among them), each thread taking the next
     * unread part when it has finished one; each part's blocks go in order to its own consumer. A block is valid only until its consumer returns: the next block
     * of the part reuses its arrays (keep text, not blocks or views of them).
     *
     * @param consumers one per part, in file order
     * @param name names the threads
     * @return {@code true} when every part was read and each started where the one before ended,
     *     so the consumers saw exactly the file's rows in order; {@code false} when the file must be
     *     read whole instead (the consumers' contents are then meaningless)
     * @throws InvalidInputException a failure in the first part, of reading or of its consumer:
     *     exactly the one a sequential read meets first; or the calling thread was interrupted
     */
    public boolean read(List<? extends PartConsumer> consumers, String name)
            throws InvalidInputException {
        if (consumers.size() != starts.length) {
            throw new IllegalArgumentException(consumers.size() + " consumers for " + starts.length + " parts");
        }
        CsvBlockReader first = CsvBlockReader.open(file.toString(), () -> InputFiles.open(file), format, blockBytes);
        first.stopAt(starts[1] - byteOrderMark);
        first.recycleBlocks();
        Part[] parts = new Part[starts.length];
        parts[0] = new Part(first, consumers.get(0), byteOrderMark);
        List<SideThread> others = new ArrayList<>();
        try {
            for (int k = 1; k < starts.length; k++) {
                parts[k] = new Part(openPart(first.columns(), k), consumers.get(k), starts[k]);
            }
            AtomicInteger next = new AtomicInteger();
            Runnable reading = () -> {
                int k;
                while (!stop.get() && (k = next.getAndIncrement()) < parts.length) {
                    parts[k].run();
                }
            };
            for (int t = 1; t < Math.min(threads, parts.length); t++) {
                others.add(SideThread.start(name + "-" + t, reading));
            }
            reading.run();
        } finally {
            others.forEach(SideThread::await);
            for (Part part : parts) {
                if (part != null) {
                    part.close();
                }
            }
        }
        if (parts[0].failure != null) {
            throw parts[0].failure;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw unreadable(file, new InterruptedIOException());
        }
        long rows = 0;
        for (int k = 0; k < parts.length; k++) {
            long expectedEnd = k + 1 < parts.length ? starts[k + 1] : size;
            if (parts[k].failure != null || parts[k].end != expectedEnd) {
                return false;
            }
            rows += parts[k].rows;
        }
        return rows > 0; // a file with no rows is reported by the whole read
    }

    private CsvBlockReader openPart(List<String> columns, int k) throws InvalidInputException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(starts[k]);
            InputStream in = Channels.newInputStream(channel);
            long stopAt = k + 1 < starts.length ? starts[k + 1] - starts[k] : Long.MAX_VALUE;
            CsvBlockReader reader = CsvBlockReader.openPart(file.toString(), in, format, columns, stopAt, blockBytes);
            reader.recycleBlocks();
            return reader;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** One part: its reader, its consumer and how it ended. */
    private final class Part {
        private final CsvBlockReader reader;
        private final PartConsumer consumer;
        /** Where the reader's stream starts in the file. */
        private final long base;
        private InvalidInputException failure;
        private long end = -1;
        private long rows;

        Part(CsvBlockReader reader, PartConsumer consumer, long base) {
            this.reader = reader;
            this.consumer = consumer;
            this.base = base;
        }

        void run() {
            try {
                CsvRowBlock block;
                while (!stop.get() && (block = reader.next()) != null) {
                    consumer.accept(block);
                    rows += block.size();
                }
                if (!stop.get()) {
                    end = base + reader.position();
                    consumer.partRead();
                }
            } catch (InvalidInputException e) {
                // an aborted build interrupts the caller's thread, and the interrupt closes its file
                fail(Thread.currentThread().isInterrupted() ? unreadable(file, e) : e);
            } catch (RuntimeException | Error e) {
                fail(new InvalidInputException(SourceLocation.ofFile(file.toString()),
                        "could not be evaluated: " + e, e));
            }
        }

        private void fail(InvalidInputException e) {
            failure = e;
            stop.set(true); // either thrown (the first part) or the file is read whole: the rest is wasted
        }

        void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // only read from; nothing is lost
            }
        }
    }

    /** @return the position after the first line feed at or after {@code nominal - 1}, or -1 */
    private static long recordStartAfter(FileChannel channel, long nominal) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(BOUNDARY_WINDOW);
        long from = nominal - 1;
        channel.read(window, from);
        window.flip();
        for (int i = 0; i < window.limit(); i++) {
            if (window.get(i) == '\n') {
                return from + i + 1;
            }
        }
        return -1;
    }

    private static int byteOrderMark(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(3);
        channel.read(head, 0);
        return head.position() == 3 && (head.get(0) & 0xFF) == 0xEF && (head.get(1) & 0xFF) == 0xBB
                && (head.get(2) & 0xFF) == 0xBF ? 3 : 0;
    }
}
