namespace Comptoir.Platform.Web;

/// <summary>
/// Periodic jobs (outbox, clocks, queue balancing, mail polling, digests) run unless <c>Jobs:Enabled</c> is
/// false: tests that drive time themselves switch them off and call each job's run-once method instead.
/// </summary>
public static class PeriodicJobs
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Jobs:Enabled", true);

    /// <summary>
    /// Runs <paramref name="runOnce"/> every <paramref name="interval"/> until the host stops, unless jobs are
    /// switched off. A failed run is reported and the next tick tries again.
    /// </summary>
    public static async Task RunEveryAsync(
        IConfiguration configuration, TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> runOnce, Action<Exception> failed, CancellationToken stoppingToken)
    {
        if (!Enabled(configuration))
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await runOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
            }
        }
    }
}
