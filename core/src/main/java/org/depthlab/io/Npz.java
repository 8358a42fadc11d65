package org.depthlab.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives of float64 arrays in C order: a zip of {@code .npy} files
 * (format version 1.0), readable by {@code numpy.load} and {@code torch.from_numpy}.
 *
 * <p>Only what depthlab writes is read back: little-endian float64, C order.
 */
public final class Npz {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    /** A named float64 array with its shape; {@code data.length} is the product of the shape. */
    public record Array(double[] data, int... shape) {
        public Array {
            long n = 1;
            for (int s : shape) {
                if (s < 0) {
                    throw new IllegalArgumentException("negative dimension in shape");
                }
                n *= s;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape holds " + n + " values, data holds "
                        + data.length);
            }
        }

        /** A 0-dimensional array. */
        public static Array scalar(double value) {
            return new Array(new double[] {value});
        }
    }

    /**
     * Writes {@code arrays} (name to array, in iteration order) to {@code out} as an npz archive.
     * Writes to a temporary file first and moves it into place, so a failure leaves no partial
     * file at {@code out}.
     */
    public static void write(Path out, Map<String, Array> arrays) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".npz-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(os, arrays);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes an npz archive to a stream (not closed). */
    public static void write(OutputStream os, Map<String, Array> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os);
        for (Map.Entry<String, Array> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            writeNpy(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Writes one {@code .npy} (version 1.0, '&lt;f8', C order) to a stream (not closed). */
    public static void writeNpy(OutputStream os, Array array) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < array.shape().length; i++) {
            shape.append(array.shape()[i]).append(array.shape().length == 1 ? "," : "");
            if (i + 1 < array.shape().length) {
                shape.append(", ");
            }
        }
        shape.append(')');
        StringBuilder header = new StringBuilder(
                "{'descr': '<f8', 'fortran_order': False, 'shape': ")
                .append(shape).append(", }");
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        header.append(" ".repeat(pad)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        os.write(MAGIC);
        os.write(1);
        os.write(0);
        os.write(h.length & 0xFF);
        os.write((h.length >>> 8) & 0xFF);
        os.write(h);
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        double[] data = array.data();
        for (int i = 0; i < data.length; i++) {
            if (!buf.hasRemaining()) {
                os.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putDouble(data[i]);
        }
        os.write(buf.array(), 0, buf.position());
    }

    /** Reads an archive written by {@link #write}; entries in file order. */
    public static Map<String, Array> read(Path in) throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(in))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.endsWith(".npy")) {
                    name = name.substring(0, name.length() - 4);
                }
                arrays.put(name, readNpy(zip));
            }
        }
        return arrays;
    }

    /** Reads one little-endian float64 C-order {@code .npy} from a stream. */
    public static Array readNpy(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(is);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an .npy stream: bad magic string");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int len;
        if (major == 1) {
            len = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        } else {
            byte[] l = new byte[4];
            in.readFully(l);
            len = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        byte[] h = new byte[len];
        in.readFully(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
            throw new IOException("only little-endian float64 C-order arrays are read, header: "
                    + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException("no shape in .npy header: " + header.trim());
        }
        String[] dims = m.group(1).split(",");
        int count = 0;
        int[] shape = new int[dims.length];
        for (String s : dims) {
            if (!s.isBlank()) {
                shape[count++] = Integer.parseInt(s.trim());
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 8 * n) {
            throw new IOException(".npy data holds " + buf.remaining() + " bytes, expected "
                    + 8 * n);
        }
        double[] data = new double[(int) n];
        buf.asDoubleBuffer().get(data);
        return new Array(data, shape);
    }
}
