using System.Globalization;

namespace Comptoir.Bench;

/// <summary>Throughput and latency percentiles of one load run, closed-loop or open-loop.</summary>
internal sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests in {Elapsed.TotalSeconds:F1} s = {PerSecond:F0}/s, p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, p99 {Percentile(99):F1} ms, failures {Failures}");

    /// <summary>Runs <paramref name="clients"/> loops, each sending its next request as soon as the previous one answers.</summary>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, long, Task<bool>> send)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var requests = 0;
        var sequence = 0L;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            while (watch.Elapsed < duration)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var ok = await send(client, Interlocked.Increment(ref sequence));
                latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref requests);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new LoadResult(requests, failures, watch.Elapsed, [.. latencies]);
    }

    /// <summary>
    /// Open loop: requests arrive at <paramref name="perSecond"/> on average, at exponentially distributed
    /// intervals (a Poisson process, fixed seed), whether or not earlier ones have answered, as requests from
    /// many independent people do. Each latency runs from the request's scheduled arrival, so a server that
    /// falls behind is charged for the wait it causes (no coordinated omission). <paramref name="send"/> gets
    /// the request's sequence number and a clock of the milliseconds since its scheduled arrival, for a step
    /// it times itself.
    /// </summary>
    public static async Task<LoadResult> RunOpenAsync(double perSecond, TimeSpan duration, Func<long, Func<double>, Task<bool>> send)
    {
        var random = new Random(11);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var inFlight = new List<Task>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var due = TimeSpan.Zero;
        for (var n = 1L; ; n++)
        {
            due += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / perSecond);
            if (due >= duration)
            {
                break;
            }

            if (due > watch.Elapsed)
            {
                await Task.Delay(due - watch.Elapsed);
            }

            var scheduled = due;
            var sequence = n;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await send(sequence, () => (watch.Elapsed - scheduled).TotalMilliseconds);
                latencies.Add((watch.Elapsed - scheduled).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(inFlight.Count, failures, watch.Elapsed, [.. latencies]);
    }
}
