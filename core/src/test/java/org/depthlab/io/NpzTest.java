package org.depthlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Npz}: round trips of several shapes, the .npy layout of format 1.0 (magic, 64-byte
 * aligned header), and, when python3 with NumPy is installed, {@code numpy.load} of what
 * depthlab writes.
 */
class NpzTest {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The .npy 1.0 specification pads magic + version + length + header to this multiple. */
    private static final int NPY_ALIGN = 64;
    /** Seconds allowed for python3 to start, import NumPy and load a small file. */
    private static final long PYTHON_TIMEOUT_S = 60;

    @TempDir
    Path dir;

    /** Distinct, exactly representable-or-not values so that any reordering shows. */
    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.1 - 3.7 + 1.0 / (i + 3);
        }
        return x;
    }

    private static Map<String, Npz.Array> sample() {
        Map<String, Npz.Array> m = new LinkedHashMap<>();
        m.put("scalar", Npz.Array.scalar(-2.5));
        m.put("vector", new Npz.Array(ramp(5), 5));
        m.put("matrix", new Npz.Array(ramp(6), 2, 3));
        m.put("cube", new Npz.Array(ramp(24), 2, 3, 4));
        // larger than the 4096-double write buffer, to cross a buffer flush
        m.put("big", new Npz.Array(ramp(10 * 30 * 30), 10, 30, 30));
        m.put("column", new Npz.Array(ramp(3), 3, 1));
        m.put("empty", new Npz.Array(new double[0], 0));
        m.put("special", new Npz.Array(new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE}, 6));
        return m;
    }

    @Test
    void roundTripKeepsNamesOrderShapesAndBits() throws IOException {
        Map<String, Npz.Array> written = sample();
        Path file = dir.resolve("arrays.npz");
        Npz.write(file, written);
        Map<String, Npz.Array> read = Npz.read(file);

        assertEquals(new ArrayList<>(written.keySet()), new ArrayList<>(read.keySet()));
        for (String name : written.keySet()) {
            assertArrayEquals(written.get(name).shape(), read.get(name).shape(), name + " shape");
            // assertArrayEquals on doubles compares bits: NaN = NaN, -0.0 != 0.0
            assertArrayEquals(written.get(name).data(), read.get(name).data(), name + " data");
        }
        assertEquals(0, read.get("scalar").shape().length, "a scalar has shape ()");
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.npz");
        Files.writeString(file, "old contents");
        Npz.write(file, Map.of("x", new Npz.Array(ramp(3), 3)));
        assertArrayEquals(ramp(3), Npz.read(file).get("x").data());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the archive is left in the folder");
        }
    }

    @Test
    void npyStartsWithTheMagicAndAlignsTheHeader() throws IOException {
        for (Npz.Array a : sample().values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Npz.writeNpy(bytes, a);
            byte[] b = bytes.toByteArray();
            assertArrayEquals(NPY_MAGIC, java.util.Arrays.copyOf(b, 6), "magic string");
            assertEquals(1, b[6], "format major version");
            assertEquals(0, b[7], "format minor version");
            int headerLen = (b[8] & 0xFF) | ((b[9] & 0xFF) << 8);
            assertEquals(0, (10 + headerLen) % NPY_ALIGN,
                    "magic + version + length + header is a multiple of 64, got " + headerLen);
            String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
            assertTrue(header.endsWith("\n"), "header ends with a newline");
            assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': "),
                    header);
            assertEquals(10 + headerLen + 8L * a.data().length, b.length, "data length");
            assertArrayEquals(a.data(), Npz.readNpy(new ByteArrayInputStream(b)).data());
        }
    }

    @Test
    void shapesAreWrittenInPythonTupleSyntax() throws IOException {
        assertTrue(header(Npz.Array.scalar(1)).contains("'shape': ()"));
        assertTrue(header(new Npz.Array(ramp(5), 5)).contains("'shape': (5,)"));
        assertTrue(header(new Npz.Array(ramp(6), 2, 3)).contains("'shape': (2, 3)"));
        assertTrue(header(new Npz.Array(ramp(24), 2, 3, 4)).contains("'shape': (2, 3, 4)"));
    }

    private static String header(Npz.Array a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npz.writeNpy(bytes, a);
        byte[] b = bytes.toByteArray();
        int headerLen = (b[8] & 0xFF) | ((b[9] & 0xFF) << 8);
        return new String(b, 10, headerLen, StandardCharsets.US_ASCII);
    }

    @Test
    void archiveIsAZipOfNpyEntries() throws IOException {
        Path file = dir.resolve("z.npz");
        Npz.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                names.add(e.getName());
                byte[] start = zip.readNBytes(6);
                assertArrayEquals(NPY_MAGIC, start, e.getName() + " starts with the magic");
            }
        }
        List<String> expected = new ArrayList<>();
        for (String name : sample().keySet()) {
            expected.add(name + ".npy");
        }
        assertEquals(expected, names);
    }

    @Test
    void arrayRejectsAShapeThatDoesNotMatchItsData() {
        assertThrows(IllegalArgumentException.class, () -> new Npz.Array(ramp(5), 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new Npz.Array(ramp(5)));
        assertThrows(IllegalArgumentException.class, () -> new Npz.Array(new double[0], -1));
    }

    @Test
    void readRejectsAStreamWithoutTheMagic() {
        byte[] junk = "not a numpy file at all".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IOException.class, () -> Npz.readNpy(new ByteArrayInputStream(junk)));
    }

    /** numpy.load reads what depthlab writes: names, shapes, dtype and values. */
    @Test
    void numpyLoadsTheArchive() throws Exception {
        Assumptions.assumeTrue(python("import numpy").exitCode == 0,
                "python3 with NumPy is not installed");
        Path file = dir.resolve("for-numpy.npz");
        Npz.write(file, sample());
        // one line per array: name|shape|repr of the last value; then two indexed look-ups
        String script = String.join("\n",
                "import sys, numpy as np",
                "z = np.load(sys.argv[1])",
                "for k in z.files:",
                "    a = z[k]",
                "    assert a.dtype == np.float64, (k, a.dtype)",
                "    print(k, a.shape, repr(float(a.flat[-1])) if a.size else '-', sep='|')",
                "print('cube[1,2,3]', '', repr(float(z['cube'][1, 2, 3])), sep='|')",
                "print('big[9,29,0]', '', repr(float(z['big'][9, 29, 0])), sep='|')",
                "");
        Python out = python(script, file.toString());
        assertEquals(0, out.exitCode, out.output);

        Map<String, Npz.Array> arrays = sample();
        Map<String, String[]> lines = new LinkedHashMap<>();
        for (String line : out.output.lines().toList()) {
            String[] f = line.split("\\|", -1);
            assertEquals(3, f.length, "unexpected python output line: " + line);
            lines.put(f[0], f);
        }
        assertEquals(arrays.size() + 2, lines.size(), out.output);
        for (Map.Entry<String, Npz.Array> e : arrays.entrySet()) {
            String[] f = lines.get(e.getKey());
            assertTrue(f != null, "numpy does not list " + e.getKey() + ": " + out.output);
            assertEquals(pythonShape(e.getValue().shape()), f[1], e.getKey() + " shape");
            double[] d = e.getValue().data();
            if (d.length == 0) {
                assertEquals("-", f[2]);
            } else {
                assertEquals(d[d.length - 1], fromPython(f[2]), 0.0, e.getKey() + " last value");
            }
        }
        double[] cube = arrays.get("cube").data();
        assertEquals(cube[1 * 12 + 2 * 4 + 3], fromPython(lines.get("cube[1,2,3]")[2]), 0.0,
                "C order: cube[1, 2, 3]");
        double[] big = arrays.get("big").data();
        assertEquals(big[9 * 900 + 29 * 30], fromPython(lines.get("big[9,29,0]")[2]), 0.0,
                "C order: big[9, 29, 0]");
    }

    /** Parses Python's repr of a float (round-trip exact); nan and inf spelled the Python way. */
    private static double fromPython(String repr) {
        switch (repr) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(repr);
        }
    }

    private static String pythonShape(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private record Python(int exitCode, String output) {
    }

    private static Python python(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Python(-1, "python3 not found: " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(PYTHON_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Python(-1, "python3 timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertFalse(text.isEmpty() && p.exitValue() != 0, "python3 failed silently");
        return new Python(p.exitValue(), text);
    }
}
