namespace Comptoir.Platform.Outbox;

/// <summary>
/// When an outbox (answers to customers, staff mail) tries a message again: each message is claimed for
/// <see cref="Lease"/> by the instance sending it, and a failed one waits a growing delay, until its last
/// attempt or a failure that can never succeed.
/// </summary>
public static class RetrySchedule
{
    /// <summary>How long a claimed message is left to the instance sending it before another may try.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>The next attempt after a failure, or null when the message has failed for good.</summary>
    public static DateTimeOffset? NextAttempt(int attempts, int maxAttempts, bool permanent, DateTimeOffset now) =>
        permanent || attempts >= maxAttempts ? null : now + Backoff[Math.Clamp(attempts - 1, 0, Backoff.Length - 1)];

    /// <summary>An error message short enough for the 500-character column that keeps it.</summary>
    public static string Truncate(string error) => error.Length <= 500 ? error : error[..500];
}
