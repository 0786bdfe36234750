package org.ruralbank.cli;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return new String[] {"ruralbank " + (version == null ? "development build" : version)};
    }
}
