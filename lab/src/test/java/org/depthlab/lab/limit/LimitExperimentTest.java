package org.depthlab.lab.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.depthlab.lab.Provenance;
import org.depthlab.limit.ConvergenceStudy;
import org.depthlab.limit.Limit;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit experiment: a pure run whose result does not depend on threads, trajectories of
 * three depths and the reference starting from the same h_0, and the four files with their
 * layouts and provenance.
 */
class LimitExperimentTest {

    private static final long SEED = 11L;
    private static final int WIDTH = 5;
    private static final int REFERENCE = 64;
    private static final List<Integer> DEPTHS = List.of(4, 8, 16, 32);

    @TempDir
    Path dir;

    private static LimitExperiment.Config config(Limit limit) {
        return LimitExperiment.Config.of(new ConvergenceStudy.Setup(limit, Block.RES1,
                Activation.tanh(), WIDTH, 8, DEPTHS, REFERENCE, 6, SEED, 50));
    }

    @Test
    void runIsPureAndIndependentOfThreads() {
        LimitExperiment.Config config = config(new Limit.NeuralSde());
        LimitExperiment.Result one = LimitExperiment.run(config, 1);
        LimitExperiment.Result two = LimitExperiment.run(config, 2);
        assertEquals(one.convergence(), two.convergence());
        for (int i = 0; i < one.trajectories().size(); i++) {
            assertArrayEquals(one.trajectories().get(i).states(),
                    two.trajectories().get(i).states());
        }
    }

    @Test
    void trajectoriesAreSmallestMiddleLargestAndReference() {
        LimitExperiment.Result r = LimitExperiment.run(config(new Limit.NeuralOde(
                Limit.DEFAULT_KERNEL)), 2);
        List<LimitExperiment.Series> s = r.trajectories();
        assertEquals(4, s.size());
        assertEquals(List.of(4, 16, 32, REFERENCE), s.stream().map(LimitExperiment.Series::depth)
                .toList());
        assertEquals("reference", s.get(3).label());
        for (LimitExperiment.Series series : s) {
            assertEquals(3, series.coordinates());
            assertEquals((series.depth() + 1) * 3, series.states().length);
            for (int i = 0; i < 3; i++) {
                assertEquals(s.get(3).state(0, i), series.state(0, i), 0.0, "shared h_0");
            }
        }
        assertEquals(1.0, s.get(0).time(4), 0.0);
    }

    @Test
    void writesTheFourFiles() throws IOException {
        LimitExperiment.Result r = LimitExperiment.run(config(new Limit.FractionalSde(0.75)), 2);
        Instant time = Instant.parse("2025-01-02T03:04:05Z");
        LimitFiles.write(r, dir, time, 2);

        // errors.csv: header and one row per depth
        List<String> errors = Files.readAllLines(dir.resolve(LimitFiles.ERRORS));
        assertEquals("depth,strong_error,strong_low,strong_high,weak_error,weak_low,weak_high",
                errors.get(0));
        assertEquals(DEPTHS.size() + 1, errors.size());
        for (int i = 0; i < DEPTHS.size(); i++) {
            String[] cells = errors.get(i + 1).split(",");
            assertEquals(7, cells.length);
            assertEquals(String.valueOf(DEPTHS.get(i)), cells[0]);
            double strong = Double.parseDouble(cells[1]);
            assertTrue(Double.parseDouble(cells[2]) <= strong
                    && strong <= Double.parseDouble(cells[3]), errors.get(i + 1));
        }

        // order.json: fitted and theoretical orders
        ObjectMapper json = new ObjectMapper();
        JsonNode order = json.readTree(dir.resolve(LimitFiles.ORDER).toFile());
        assertEquals("fgn:0.75", order.get("kind").asText());
        assertEquals(0.5, order.get("strong").get("theoretical").asDouble(), 1e-15);
        assertEquals(r.convergence().strongFit().order(),
                order.get("strong").get("order").asDouble(), 0.0);
        assertTrue(order.get("strong").has("low") && order.get("strong").has("high"));
        assertTrue(order.get("weak").get("theoretical").isNull(), "no weak theory for fgn");

        // trajectories.csv: one row per (series, k)
        List<String> traj = Files.readAllLines(dir.resolve(LimitFiles.TRAJECTORIES));
        assertEquals("series,depth,k,t,coord0,coord1,coord2", traj.get(0));
        assertEquals(1 + (4 + 1) + (16 + 1) + (32 + 1) + (REFERENCE + 1), traj.size());
        assertTrue(traj.get(traj.size() - 1).startsWith("reference," + REFERENCE + ","
                + REFERENCE + ",1.0,"));

        // config.json: parameters and provenance
        JsonNode config = json.readTree(Files.readString(dir.resolve(LimitFiles.CONFIG),
                StandardCharsets.UTF_8));
        assertEquals(SEED, config.get("seed").asLong());
        JsonNode p = config.get("parameters");
        assertEquals("fgn:0.75", p.get("kind").asText());
        assertEquals(0.75, p.get("beta").asDouble(), 0.0);
        assertEquals(REFERENCE, p.get("reference_depth").asInt());
        assertEquals(DEPTHS.size(), p.get("depths").size());
        assertEquals(Provenance.version(), config.get("provenance").get("depthlab_version")
                .asText());
        assertEquals(time.toString(), config.get("provenance").get("time").asText());
    }
}
