package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a table's blocks on one thread and hands every block to several consumers, each on its own
 * thread, so that finding fields and the consumers' parsing and checking use all cores.
 *
 * <p>Each consumer sees every row in file order, so what it reports (samples, first offending row)
 * is what a sequential run would report. When anything fails, the others stop soon after, and the
 * failure earliest in the file is thrown: again the one a sequential run would have met first.
 */
public final class BlockPipeline {
    /** Blocks in flight per consumer: enough to ride out uneven blocks, few enough to bound memory. */
    private static final int QUEUE_BLOCKS = 8;

    /** Receives every block, in file order, on one thread. */
    @FunctionalInterface
    public interface BlockConsumer {
        /**
         * @param block the next rows
         * @throws InvalidInputException when a cell cannot be evaluated: the run stops
         */
        void accept(RowBlock block) throws InvalidInputException;
    }

    private final TableReader table;
    private final String name;
    private final AtomicBoolean stop = new AtomicBoolean();

    private BlockPipeline(TableReader table, String name) {
        this.table = table;
        this.name = name;
    }

    /**
     * Runs consumers over every block of a table; the first runs on the calling thread.
     *
     * @param table the table, positioned before its first row
     * @param name names the threads (e.g. {@code cd4ml-validate})
     * @param consumers at least one
     * @return the number of the last row read
     * @throws InvalidInputException the failure earliest in the file, of reading or of a consumer
     */
    public static long run(TableReader table, String name, List<? extends BlockConsumer> consumers)
            throws InvalidInputException {
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException("no consumers");
        }
        return new BlockPipeline(table, name).runAll(consumers);
    }

    /** Rows handed over together; or the end; or the reading's failure. */
    private record Batch(RowBlock rows, InvalidInputException error) {
        static final Batch END = new Batch(null, null);
    }

    private long runAll(List<? extends BlockConsumer> consumers) throws InvalidInputException {
        int count = consumers.size();
        List<BlockingQueue<Batch>> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE_BLOCKS));
        }
        InvalidInputException[] failures = new InvalidInputException[count];
        long[] lastRow = new long[count];
        SideThread reader = SideThread.start(name + "-reader", () -> produce(queues));
        List<SideThread> others = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int index = i;
            others.add(SideThread.start(name + "-" + i, () -> consumeOrRecord(queues.get(index), consumers.get(index),
                    failures, lastRow, index)));
        }
        try {
            consumeOrRecord(queues.get(0), consumers.get(0), failures, lastRow, 0);
        } finally {
            others.forEach(SideThread::await);
            stop.set(true);
            reader.interrupt();
            reader.await();
        }
        InvalidInputException first = null;
        for (InvalidInputException failure : failures) {
            first = earliest(first, failure);
        }
        if (first != null) {
            throw first;
        }
        return lastRow[0];
    }

    private void consumeOrRecord(BlockingQueue<Batch> queue, BlockConsumer consumer, InvalidInputException[] failures,
            long[] lastRow, int index) {
        try {
            lastRow[index] = consume(queue, consumer);
        } catch (InvalidInputException e) {
            failures[index] = e;
            stop.set(true);
        } catch (RuntimeException | Error e) {
            failures[index] = new InvalidInputException(SourceLocation.ofFile(table.source()),
                    "could not be evaluated: " + e, e);
            stop.set(true);
        }
    }

    private long consume(BlockingQueue<Batch> queue, BlockConsumer consumer) throws InvalidInputException {
        long rows = 0;
        try {
            while (true) {
                Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (stop.get()) {
                        return rows;
                    }
                    continue;
                }
                if (batch.error() != null) {
                    throw batch.error();
                }
                if (batch == Batch.END) {
                    return rows;
                }
                consumer.accept(batch.rows());
                rows = batch.rows().rowNumber(batch.rows().size() - 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(SourceLocation.ofFile(table.source()), "reading was interrupted");
        }
    }

    private void produce(List<BlockingQueue<Batch>> queues) {
        try {
            RowBlock block;
            while ((block = table.nextBlock()) != null) {
                if (!offer(queues, new Batch(block, null))) {
                    return;
                }
            }
            offer(queues, Batch.END);
        } catch (InvalidInputException e) {
            offer(queues, new Batch(null, e));
        } catch (RuntimeException e) {
            offer(queues, new Batch(null, new InvalidInputException(SourceLocation.ofFile(table.source()),
                    "cannot be read: " + e, e)));
        }
    }

    private boolean offer(List<BlockingQueue<Batch>> queues, Batch batch) {
        try {
            for (BlockingQueue<Batch> queue : queues) {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stop.get()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static InvalidInputException earliest(InvalidInputException a, InvalidInputException b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.getLocation().line() < a.getLocation().line() ? b : a;
    }
}
