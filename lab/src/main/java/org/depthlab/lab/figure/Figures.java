package org.depthlab.lab.figure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of figures, in report order. */
public final class Figures {

    private Figures() {
    }

    /** Every figure at initialization, by id: 1 to 7. */
    public static Map<String, Figure> atInitialization() {
        Map<String, Figure> m = new LinkedHashMap<>();
        m.put("1", DepthScalingFigure.figure1());
        m.put("2", new HistogramFigure());
        m.put("3", DepthScalingFigure.figure3());
        m.put("4", DepthScalingFigure.figure4());
        m.put("5", DepthScalingFigure.figure5());
        m.put("6", new FbmPathsFigure());
        m.put("7", new HeatmapFigure());
        return m;
    }

    /**
     * The figure {@code id} if its numbers come from one sweep (1 to 5 and 7).
     *
     * @throws IllegalArgumentException if there is no such figure or it is not swept
     */
    public static SweptFigure swept(String id) {
        Map<String, Figure> all = all();
        Figure f = all.get(id);
        if (f instanceof SweptFigure s) {
            return s;
        }
        StringBuilder ids = new StringBuilder();
        for (Figure g : all.values()) {
            if (g instanceof SweptFigure) {
                ids.append(ids.length() == 0 ? "" : ", ").append(g.id());
            }
        }
        throw new IllegalArgumentException("figure '" + id + "' "
                + (f == null ? "does not exist" : "is not a sweep") + "; swept figures: " + ids
                + (f == null ? "" : " (run it locally with 'depthlab figure " + id + "')"));
    }

    /** The continuous-depth limits: limit-sde, limit-ode, limit-fgn. */
    public static Map<String, Figure> limits() {
        Map<String, Figure> m = new LinkedHashMap<>();
        for (String kind : new String[] {"sde", "ode", "fgn:0.75"}) {
            Figure f = new org.depthlab.lab.limit.LimitFigure(kind);
            m.put(f.id(), f);
        }
        return m;
    }

    /** Everything {@code reproduce} runs, in report order. */
    public static Map<String, Figure> all() {
        Map<String, Figure> m = atInitialization();
        m.putAll(limits());
        return m;
    }

    /** The directory of a figure inside a run directory: fig1 .. fig7, limit-sde, ... */
    public static String directory(Figure f) {
        return f.id().matches("\\d+") ? "fig" + f.id() : f.id();
    }
}
