namespace Comptoir.Platform.Web;

/// <summary>
/// Periodic jobs (outbox, clocks, queue balancing, mail polling) run unless <c>Jobs:Enabled</c> is false:
/// tests that drive time themselves switch them off and call each job's run-once method instead.
/// </summary>
public static class PeriodicJobs
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Jobs:Enabled", true);
}
