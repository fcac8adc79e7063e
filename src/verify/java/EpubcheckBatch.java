// EPUBCheck on many books in one JVM, for `voxpress verify` and the conformance tests.
//   java -cp '<EPUBCheck class path>' EpubcheckBatch.java OUTDIR [EPUBCheck options] -- FILE.epub...
// For the i-th file (from 1) it runs EPUBCheck's own command-line entry point,
// com.adobe.epubcheck.tool.EpubChecker.run (what Checker.main calls before System.exit),
// with "FILE [options] --json OUTDIR/i.json", and prints "voxpress-epubcheck<TAB>i<TAB>exit code".
// EPUBCheck's command line takes one file, and a JVM costs seconds to start and to compile
// EPUBCheck's schemas: one JVM for all books pays that once. Exits 0 once every file ran.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

public class EpubcheckBatch {
  public static void main(String[] argv) {
    File outDir = new File(argv[0]);
    List<String> options = new ArrayList<>();
    int i = 1;
    for (; i < argv.length && !argv[i].equals("--"); i++) options.add(argv[i]);
    int n = 0;
    for (i++; i < argv.length; i++) {
      n++;
      List<String> args = new ArrayList<>();
      args.add(argv[i]);
      args.addAll(options);
      args.add("--json");
      args.add(new File(outDir, n + ".json").getPath());
      int code = new EpubChecker().run(args.toArray(new String[0]));
      System.out.println("voxpress-epubcheck\t" + n + "\t" + code);
    }
    System.exit(0);
  }
}
