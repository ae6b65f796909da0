package hudson.model;

/** Stub of jenkins-core's {@code hudson.model.AbstractModelObject} (real supertype: SearchableModelObject). */
public abstract class AbstractModelObject implements ModelObject {
}
