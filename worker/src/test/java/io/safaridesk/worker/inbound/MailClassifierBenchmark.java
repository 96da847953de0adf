package io.safaridesk.worker.inbound;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier's cost per mail, over the fixture corpus: reading the MIME ({@link MimeReader}), classifying it
 * ({@link MailClassifier}) and cutting its quotes ({@link MailContent#replyHtml}), each timed apart, after a warm-up.
 * A loop benchmark run by {@code infra/bench/mail-classifier.sh}; not a test. Argument: rounds over the corpus.
 */
public final class MailClassifierBenchmark {

    private MailClassifierBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<byte[]> corpus = new ArrayList<>();
        for (MailFixturesUnitTests.Fixture fixture : MailFixturesUnitTests.fixtures()) {
            try (InputStream in =
                    MailClassifierBenchmark.class.getResourceAsStream("/mail/" + fixture.file() + ".eml")) {
                corpus.add(in.readAllBytes());
            }
        }
        run(corpus, Math.max(1, rounds / 4), false);
        run(corpus, rounds, true);
    }

    private static void run(List<byte[]> corpus, int rounds, boolean report) throws Exception {
        long read = 0;
        long classify = 0;
        long quotes = 0;
        int kinds = 0;
        for (int round = 0; round < rounds; round++) {
            for (byte[] raw : corpus) {
                long t0 = System.nanoTime();
                ParsedMail mail = MimeReader.read(raw);
                long t1 = System.nanoTime();
                MailClassifier.Verdict verdict = MailClassifier.classify(mail, MailFixturesUnitTests.CONTEXT);
                long t2 = System.nanoTime();
                String comment = MailContent.replyHtml(mail);
                long t3 = System.nanoTime();
                read += t1 - t0;
                classify += t2 - t1;
                quotes += t3 - t2;
                kinds += verdict.kind().ordinal() + comment.length() % 2;
            }
        }
        if (report) {
            double mails = (double) rounds * corpus.size();
            System.out.printf(
                    "mails=%d corpus=%d rounds=%d%nread MIME      %8.1f us/mail%nclassify       %8.2f us/mail%n"
                            + "cut quotes     %8.1f us/mail%ntotal          %8.1f us/mail (%.0f mails/s on one thread)"
                            + "%n(checksum %d)%n",
                    (long) mails,
                    corpus.size(),
                    rounds,
                    read / mails / 1000,
                    classify / mails / 1000,
                    quotes / mails / 1000,
                    (read + classify + quotes) / mails / 1000,
                    mails * 1e9 / (read + classify + quotes),
                    kinds);
        }
    }
}
