package kr.kaesongcrossing.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.kaesongcrossing.TestImages;

/**
 * Hostile values sent to every form field, query parameter, path variable, JSON field and upload: what a careless
 * scanner, a confused user or an attacker may send. Each value has a name for the failure report. Markers
 * ({@link #XSS_MARKER}) let a test see a value reflected without escaping.
 */
public final class HostileCorpus {

    public static final String XSS_MARKER = "kc-xss-7341";

    public record Value(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Body(String name, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Upload(String name, String fileName, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileCorpus() {
    }

    private static final List<Value> VALUES = buildValues();
    private static List<Upload> uploads;

    /** Every hostile string value. */
    public static List<Value> values() {
        return VALUES;
    }

    private static List<Value> buildValues() {
        List<Value> v = new ArrayList<>();
        // lengths and emptiness
        v.add(new Value("empty", ""));
        v.add(new Value("blank", "   \t  "));
        v.add(new Value("long-300", "A".repeat(300)));
        v.add(new Value("long-hangul-5000", "가".repeat(5000)));
        v.add(new Value("long-100k", "x".repeat(100_000)));
        v.add(new Value("long-1m", "y".repeat(1_000_000)));
        // control characters and odd Unicode
        v.add(new Value("nul", "\u0000"));
        v.add(new Value("nul-inside", "abc\u0000def@example.com"));
        v.add(new Value("crlf-header-injection", "x\r\nSet-Cookie: kc-injected=1\r\nX-Injected: 1"));
        v.add(new Value("control-chars", "\u0007\u0008\u001b[31m\u007f\u0085\u009b"));
        v.add(new Value("line-separators", "a\u2028b\u2029c"));
        v.add(new Value("bidi-override", "\u202eevil\u202dgood\u2066"));
        v.add(new Value("bom-and-nonchars", "\ufeff\ufffe\uffff"));
        v.add(new Value("emoji-zwj", "😀👨‍👩‍👧‍👦🏳️‍🌈"));
        v.add(new Value("lone-surrogate", "a\ud800b\udc00c"));
        v.add(new Value("combining-zalgo", "e" + "\u0301".repeat(2000)));
        v.add(new Value("fullwidth", "ｓｃｒｉｐｔ＜＞１２３"));
        v.add(new Value("hangul-jamo-ime", "ㅎㅏㄴㄱㅡㄹ ㅁㅐㅇㅓ"));
        // markup and template injection
        v.add(new Value("script-tag", "<script>alert('" + XSS_MARKER + "')</script>"));
        v.add(new Value("attribute-breakout", "\"><img src=x onerror=alert('" + XSS_MARKER + "')>"));
        v.add(new Value("svg-onload", "<svg/onload=alert('" + XSS_MARKER + "')>"));
        v.add(new Value("javascript-url", "javascript:alert('" + XSS_MARKER + "')"));
        v.add(new Value("thymeleaf-preprocess", "__${T(java.lang.Runtime).getRuntime().availableProcessors()}__::x"));
        v.add(new Value("spel", "#{T(java.lang.System).getenv()}"));
        v.add(new Value("expression-7x7", "${7*7}{{7*7}}[[${7*7}]]*{7*7}"));
        v.add(new Value("log4shell", "${jndi:ldap://127.0.0.1:1/kc}"));
        v.add(new Value("format-string", "%s%s%s%n%x{0}{1}"));
        // SQL fragments
        v.add(new Value("sql-or-true", "' OR '1'='1"));
        v.add(new Value("sql-drop", "'; DROP TABLE user_account; --"));
        v.add(new Value("sql-union", "1 UNION SELECT password_hash FROM user_account -- "));
        v.add(new Value("sql-sleep", "1' AND SLEEP(3) AND '1'='1"));
        v.add(new Value("sql-double-quote", "\" OR \"\"=\""));
        v.add(new Value("sql-wildcards", "%_%\\"));
        v.add(new Value("sql-comment", "admin'/*"));
        // paths and commands
        v.add(new Value("path-traversal", "../../../../etc/passwd"));
        v.add(new Value("path-traversal-encoded", "..%2f..%2f..%2fetc%2fpasswd"));
        v.add(new Value("path-traversal-windows", "..\\..\\..\\windows\\win.ini"));
        v.add(new Value("path-absolute", "/etc/passwd"));
        v.add(new Value("file-url", "file:///etc/passwd"));
        v.add(new Value("classpath-url", "classpath:application.properties"));
        v.add(new Value("tomcat-path-param", "..;/..;/admin"));
        v.add(new Value("command", "$(id)`id`;id|id"));
        // numbers
        v.add(new Value("negative", "-1"));
        v.add(new Value("zero", "0"));
        v.add(new Value("int-overflow", "2147483648"));
        v.add(new Value("long-overflow", "9223372036854775808"));
        v.add(new Value("huge-number", "9".repeat(400)));
        v.add(new Value("double-overflow", "1e309"));
        v.add(new Value("nan", "NaN"));
        v.add(new Value("hex", "0x7fffffff"));
        v.add(new Value("fullwidth-digits", "１２３"));
        // dates
        v.add(new Value("date-feb-30", "2026-02-30"));
        v.add(new Value("date-far-future", "+999999999-12-31T23:59:59Z"));
        v.add(new Value("date-zero", "0000-00-00"));
        // structured text where a scalar is expected
        v.add(new Value("json-array", "[\"a\",1]"));
        v.add(new Value("json-object", "{\"$gt\":\"\"}"));
        v.add(new Value("null-word", "null"));
        // email and locale shaped
        v.add(new Value("email-header-injection", "x@example.com\r\nBcc: victim@example.com"));
        v.add(new Value("email-huge-domain", "a@" + "b".repeat(300) + ".com"));
        v.add(new Value("email-ip-literal", "\"a b\"@[127.0.0.1]"));
        v.add(new Value("locale-garbage", "zz_ZZ_#Hani-x-" + "a".repeat(60)));
        return List.copyOf(v);
    }

    /** A short subset for combinations (one field hostile, the others valid). */
    public static List<Value> core() {
        List<String> names = List.of("empty", "long-100k", "nul-inside", "crlf-header-injection", "script-tag",
                "attribute-breakout", "thymeleaf-preprocess", "sql-or-true", "sql-sleep", "path-traversal",
                "huge-number", "lone-surrogate", "json-object");
        return VALUES.stream().filter(value -> names.contains(value.name())).toList();
    }

    /** Bodies for JSON endpoints, beyond objects with wrongly typed fields (see {@link #wronglyTypedJson}). */
    public static List<Body> jsonBodies() {
        List<Body> b = new ArrayList<>();
        b.add(json("empty-body", ""));
        b.add(json("not-json", "this is not json"));
        b.add(json("truncated", "{\"scanId\":\"a"));
        b.add(json("trailing-garbage", "{}garbage"));
        b.add(json("json-null", "null"));
        b.add(json("json-array", "[]"));
        b.add(json("json-string", "\"text\""));
        b.add(json("json-number", "42"));
        b.add(json("deep-nesting", "[".repeat(100_000) + "]".repeat(100_000)));
        b.add(json("deep-object-nesting", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        b.add(json("huge-number-literal", "{\"n\":" + "9".repeat(100_000) + "}"));
        b.add(json("huge-string", "{\"s\":\"" + "z".repeat(3_000_000) + "\"}"));
        b.add(json("many-keys", manyKeys()));
        b.add(json("duplicate-keys", "{\"direction\":\"ENTRY\",\"direction\":\"EXIT\"}"));
        b.add(json("nul-escape", "{\"token\":\"\\u0000\",\"lane\":\"\\u0000\"}"));
        b.add(json("bom-prefixed", "\ufeff{}"));
        b.add(json("comments", "/* c */ {\"a\": 1 // c\n}"));
        b.add(json("single-quotes", "{'a':'b'}"));
        b.add(new Body("invalid-utf8", "application/json",
                concat("{\"lane\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28,
                        (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.US_ASCII))));
        b.add(new Body("utf16-body", "application/json; charset=UTF-16", "{\"lane\":\"a\"}"
                .getBytes(StandardCharsets.UTF_16)));
        b.add(new Body("xml-xxe", "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]><x>&xxe;</x>").getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("text-plain", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
        b.add(new Body("form-instead-of-json", "application/x-www-form-urlencoded", "a=b".getBytes(
                StandardCharsets.UTF_8)));
        return List.copyOf(b);
    }

    /** JSON objects with the given field names each holding a value of a wrong type. */
    public static List<Body> wronglyTypedJson(List<String> fields) {
        List<String> literals = List.of("123", "-1", "true", "[]", "[\"a\"]", "{}", "{\"$ne\":null}", "null",
                "1e400", "\"" + "w".repeat(20_000) + "\"", "\"<script>alert('" + XSS_MARKER + "')</script>\"",
                "\"' OR '1'='1\"", "\"../../etc/passwd\"", "\"\\u0000\"", "\"2026-02-30T25:61:61Z\"",
                "\"\\ud800\"");
        List<Body> bodies = new ArrayList<>();
        for (String literal : literals) {
            StringBuilder json = new StringBuilder("{");
            for (String field : fields) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(field).append("\":").append(literal);
            }
            bodies.add(json("all-fields=" + (literal.length() > 24 ? literal.substring(0, 24) + "..." : literal),
                    json.append('}').toString()));
        }
        return bodies;
    }

    /** Files for upload fields: lying headers, huge dimensions, bombs, wrong types, hostile names (built once). */
    public static synchronized List<Upload> uploads() {
        if (uploads == null) {
            uploads = buildUploads();
        }
        return uploads;
    }

    private static List<Upload> buildUploads() {
        List<Upload> u = new ArrayList<>();
        byte[] realJpeg = smallJpeg();
        byte[] realPng = smallPng();
        u.add(new Upload("empty-file", "photo.jpg", "image/jpeg", new byte[0]));
        u.add(new Upload("text-as-jpeg", "photo.jpg", "image/jpeg",
                "this is not an image".getBytes(StandardCharsets.UTF_8)));
        u.add(new Upload("png-named-jpeg", "photo.jpg", "image/jpeg", realPng));
        u.add(new Upload("truncated-jpeg", "photo.jpg", "image/jpeg", Arrays.copyOf(realJpeg, realJpeg.length / 2)));
        u.add(new Upload("jpeg-lying-dimensions", "photo.jpg", "image/jpeg",
                TestImages.jpegClaiming(65_500, 65_500)));
        u.add(new Upload("png-lying-dimensions", "photo.png", "image/png",
                TestImages.pngClaiming(1_000_000, 1_000_000)));
        u.add(new Upload("png-decompression-bomb", "photo.png", "image/png", pngBomb(12_000, 12_000)));
        u.add(new Upload("gif-huge-screen", "photo.gif", "image/gif", gifWithScreen(65_535, 65_535)));
        u.add(new Upload("svg-with-script", "photo.svg", "image/svg+xml", ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert('" + XSS_MARKER + "')</script></svg>").getBytes(StandardCharsets.UTF_8)));
        u.add(new Upload("html-as-image", "photo.jpg", "image/jpeg", ("<html><script>alert('" + XSS_MARKER
                + "')</script></html>").getBytes(StandardCharsets.UTF_8)));
        byte[] zipBomb = zipBomb(100);
        u.add(new Upload("zip-bomb", "photo.jpg", "image/jpeg", zipBomb));
        u.add(new Upload("zip-bomb-as-zip", "archive.zip", "application/zip", zipBomb));
        u.add(new Upload("oversized-7mb", "photo.jpg", "image/jpeg", oversized(7 * 1024 * 1024)));
        u.add(new Upload("traversal-filename", "../../../../tmp/kc-owned.jpg", "image/jpeg", realJpeg));
        u.add(new Upload("nul-filename", "photo.jpg\u0000.html", "image/jpeg", realJpeg));
        u.add(new Upload("script-filename", "<script>alert('" + XSS_MARKER + "')</script>.jpg", "image/jpeg",
                realJpeg));
        u.add(new Upload("long-filename", "n".repeat(5_000) + ".jpg", "image/jpeg", realJpeg));
        return List.copyOf(u);
    }

    // ---- builders ----

    private static Body json(String name, String text) {
        return new Body(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String manyKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] smallJpeg() {
        return TestImages.jpeg(64, 48);
    }

    static byte[] smallPng() {
        return TestImages.png(64, 48);
    }

    /** A truthful PNG of width x height grey pixels (all zero): tiny compressed, huge decoded. */
    private static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        TestImages.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestImages.chunk(out, "IDAT", idat.toByteArray());
        TestImages.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] gifWithScreen(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.write(width & 0xFF);
        out.write(width >> 8);
        out.write(height & 0xFF);
        out.write(height >> 8);
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 2, 2,
            0x4C, 0x01, 0, 0x3B});
        return out.toByteArray();
    }

    /** A zip holding {@code megabytes} MB of zeros (a few hundred KB on the wire). */
    private static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("zeros.jpg"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] oversized(int size) {
        byte[] bytes = new byte[size];
        byte[] jpeg = smallJpeg();
        System.arraycopy(jpeg, 0, bytes, 0, jpeg.length - 2);
        byte[] noise = new byte[size - jpeg.length];
        new java.util.Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, jpeg.length, noise.length);
        return bytes;
    }
}
