package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stub of credentials' {@code com.cloudbees.plugins.credentials.Credentials}. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
