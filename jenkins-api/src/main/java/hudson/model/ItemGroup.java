package hudson.model;

/**
 * Stub of jenkins-core's {@code ItemGroup} (2.516.2): a container of items (Jenkins itself, a
 * folder). Only the type is needed, as the context of a credentials lookup; its members are left out.
 *
 * @param <T> the items it holds
 */
public interface ItemGroup<T extends Item> extends ModelObject {
}
