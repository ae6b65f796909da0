package hudson.model;

/** Stub of jenkins-core's {@code TopLevelItem} (2.516.2): an item that sits in an {@link ItemGroup}. */
public interface TopLevelItem extends Item {
}
