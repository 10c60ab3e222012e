package hk.lantau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The server process's CPU time (user + system), sampled with wall-clock timestamps. */
final class ServerCpu {

    private final Path stat;
    private final int clockTicks;
    private final List<long[]> samples = new ArrayList<>();
    private ScheduledExecutorService sampler;

    private ServerCpu(Path stat, int clockTicks) {
        this.stat = stat;
        this.clockTicks = clockTicks;
    }

    static ServerCpu of(String pid, int clockTicks) {
        return new ServerCpu(pid == null || pid.isBlank() ? null : Path.of("/proc", pid.strip(), "stat"),
                clockTicks);
    }

    void start() {
        if (stat == null || !Files.isReadable(stat)) {
            return;
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "server-cpu-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sample();
        }
    }

    private void sample() {
        try {
            String line = Files.readString(stat);
            // The fields after the command name, which is in parentheses and may hold spaces:
            // utime and stime are fields 14 and 15 of the whole line.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            synchronized (samples) {
                samples.add(new long[] {System.currentTimeMillis(), ticks * 1000 / clockTicks});
            }
        } catch (IOException | RuntimeException e) {
            // The server has gone: the run fails on its own.
        }
    }

    /** CPU milliseconds the server used between two wall-clock instants, or NaN if unknown. */
    double millisBetween(long from, long to) {
        synchronized (samples) {
            if (samples.size() < 2 || samples.get(0)[0] > from || samples.get(samples.size() - 1)[0] < to) {
                return Double.NaN;
            }
            return at(to) - at(from);
        }
    }

    private double at(long time) {
        for (int i = 1; i < samples.size(); i++) {
            long[] before = samples.get(i - 1);
            long[] after = samples.get(i);
            if (after[0] >= time) {
                double span = Math.max(1, after[0] - before[0]);
                return before[1] + (after[1] - before[1]) * ((time - before[0]) / span);
            }
        }
        return samples.get(samples.size() - 1)[1];
    }
}
