package searchnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The command line both nodes take:
 *   --home DIR        the node's folder (its data, its config)
 *   --port N          the HTTP port; 0 (the default) takes a free one
 *   --url-file FILE   where to write the node's URL once it listens (written whole, by a rename)
 *   --stop-with PID   stop the node when that process ends (the script that started it); repeatable
 */
public record NodeArgs(Path home, String port, Path urlFile, List<Long> stopWith) {
  public static NodeArgs parse(String[] argv) {
    Path home = null;
    String port = "0";
    Path urlFile = null;
    List<Long> stopWith = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      String name = argv[i];
      if (i + 1 >= argv.length) throw new IllegalArgumentException(name + " needs a value");
      String value = argv[++i];
      switch (name) {
        case "--home" -> home = Path.of(value).toAbsolutePath();
        case "--port" -> port = value;
        case "--url-file" -> urlFile = Path.of(value).toAbsolutePath();
        case "--stop-with" -> stopWith.add(Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown argument " + name);
      }
    }
    if (home == null) throw new IllegalArgumentException("--home DIR is required");
    return new NodeArgs(home, port, urlFile, stopWith);
  }

  public interface Start {
    void start(NodeArgs args) throws Exception;
  }

  /** Parses the command line and starts the node; a failure to start ends the JVM with status 1. */
  public static void run(String[] argv, Start start) {
    try {
      start.start(parse(argv));
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * Says where the node listens, then keeps the JVM up (the node's own threads are daemons) until
   * SIGTERM, or until the process to stop with ends; either way the shutdown hook closes the node.
   */
  public void serve(String url) throws IOException, InterruptedException {
    if (urlFile != null) {
      Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".partial");
      Files.writeString(partial, url + "\n");
      Files.move(partial, urlFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println(url);
    // System.exit runs the shutdown hook, which closes the node.
    for (long pid : stopWith) ProcessHandle.of(pid).ifPresentOrElse(p -> p.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    new CountDownLatch(1).await();
  }
}
