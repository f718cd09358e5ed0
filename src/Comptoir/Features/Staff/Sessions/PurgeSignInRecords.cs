using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff.Sessions;

/// <summary>
/// Deletes sessions 30 days after they expired (until then they tell which addresses a member signs in
/// from) and sign-in failures once no throttle window counts them any more.
/// </summary>
public sealed partial class PurgeSignInRecords(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<PurgeSignInRecords> logger) : BackgroundService
{
    public static readonly TimeSpan KeepSessions = TimeSpan.FromDays(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromMinutes(10), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var now = time.GetUtcNow();
        var sessionsBefore = now - KeepSessions;
        var failuresBefore = now - SignInThrottle.Window;
        await db.SignInSessions.Where(s => s.ExpiresAt < sessionsBefore).ExecuteDeleteAsync(cancellationToken);
        await db.SignInFailures.Where(f => f.At < failuresBefore).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging old sign-in sessions and failures failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
