using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Causes;

/// <summary>
/// Retrains the cause model once a night (at <see cref="CauseOptions.RetrainHour"/>, Paris time) when
/// advisors have labelled contacts since the newest model. Administrators can also train on demand.
/// </summary>
public sealed partial class RetrainCauseModel(
    IServiceScopeFactory scopes, IConfiguration configuration, IOptions<CauseOptions> options, TimeProvider time, ILogger<RetrainCauseModel> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromMinutes(5), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Trains if it is the hour and there is something new to learn; returns the new version, if any.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, BusinessClock.Zone("Europe/Paris"));
        if (local.Hour != options.Value.RetrainHour)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var last = await db.CauseModels.OrderByDescending(m => m.Id).Select(m => (DateTimeOffset?)m.TrainedAt).FirstOrDefaultAsync(cancellationToken);
        var newest = await db.CauseExamples.MaxAsync(e => (DateTimeOffset?)e.CreatedAt, cancellationToken);
        if (newest is null || (last is not null && (newest <= last || now - last < TimeSpan.FromHours(20))))
        {
            return null;
        }

        try
        {
            var version = await scope.ServiceProvider.GetRequiredService<TrainCauseModel>().ExecuteAsync("schedule", cancellationToken);
            LogTrained(logger, version.Id, version.ExampleCount, version.HeldOutAccuracy);
            return version.Id;
        }
        catch (CauseTrainingException e)
        {
            LogSkipped(logger, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cause model {Version} trained on {Examples} examples, held-out accuracy {Accuracy}")]
    private static partial void LogTrained(ILogger logger, int version, int examples, double? accuracy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cause model not retrained: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining the cause model failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
