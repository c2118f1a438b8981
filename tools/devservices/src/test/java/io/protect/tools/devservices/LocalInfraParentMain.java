package io.protect.tools.devservices;

import java.nio.file.Path;

/**
 * Test helper run in a child JVM: starts a local infrastructure, prints the host's pid and waits
 * to be killed, so a test can kill this parent with SIGKILL and watch the host go away.
 */
public final class LocalInfraParentMain {
    private LocalInfraParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalInfra infra = LocalInfra.start(Path.of(args[0]));
        System.out.println("HOST " + infra.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
