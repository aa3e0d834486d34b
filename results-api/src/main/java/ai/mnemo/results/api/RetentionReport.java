package ai.mnemo.results.api;

import java.util.List;

/** The retention matrix of every run of an experiment, whatever the run's status (status tells). */
public record RetentionReport(String experimentId, String name, String status, List<RunRetention> runs) {
}
