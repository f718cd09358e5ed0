using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Comptoir.Features.Causes.Classification;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes;

/// <summary>
/// Trains a new model on every labelled example of an active cause (the seeds an administrator wrote and the
/// advisors' confirmations and corrections) and makes it the one that predicts. One example in ten is first
/// held out to measure the accuracy the new version is stored with.
/// </summary>
public sealed class TrainCauseModel(ComptoirDbContext db, CauseClassifier classifier, TimeProvider time)
{
    public sealed record Response(int Version, int Examples, int Causes, double? HeldOutAccuracy, long TrainingMilliseconds);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(ClaimsPrincipal user, TrainCauseModel train, CancellationToken cancellationToken)
    {
        try
        {
            var version = await train.ExecuteAsync(user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff", cancellationToken);
            return TypedResults.Ok(new Response(version.Id, version.ExampleCount, version.CauseCount, version.HeldOutAccuracy, version.TrainingMilliseconds));
        }
        catch (CauseTrainingException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No model was trained", detail: e.Message);
        }
    }

    public async Task<CauseModelVersion> ExecuteAsync(string trainedBy, CancellationToken cancellationToken)
    {
        var examples = await db.CauseExamples.AsNoTracking()
            .Where(e => db.Causes.Any(c => c.Id == e.CauseId && c.Active))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Text, e.CauseId })
            .ToListAsync(cancellationToken);
        var labelled = examples.Select(e => new LabelledText(e.Text, e.CauseId.ToString(CultureInfo.InvariantCulture))).ToList();
        var causes = labelled.Select(e => e.Label).Distinct().Count();
        if (causes < 2)
        {
            throw new CauseTrainingException("Il faut des exemples pour au moins deux causes actives avant d'entraîner un modèle.");
        }

        var clock = Stopwatch.StartNew();
        double? accuracy = null;
        if (labelled.Count >= 200)
        {
            // Every tenth example, by id: the same split each time, and no cause left out of training.
            var heldOut = labelled.Where((_, i) => i % 10 == 9).ToList();
            var probe = CauseModelTrainer.Train([.. labelled.Where((_, i) => i % 10 != 9)], null, cancellationToken);
            accuracy = Math.Round(heldOut.Count(e => probe.Predict(e.Text).Label == e.Label) / (double)heldOut.Count, 4);
        }

        var model = CauseModelTrainer.Train(labelled, null, cancellationToken);
        var version = new CauseModelVersion
        {
            TrainedAt = time.GetUtcNow(),
            ExampleCount = labelled.Count,
            CauseCount = causes,
            HeldOutAccuracy = accuracy,
            TrainingMilliseconds = clock.ElapsedMilliseconds,
            TrainedBy = trainedBy,
            Model = model.Serialize(),
        };
        db.CauseModels.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        classifier.Invalidate();
        return version;
    }
}

/// <summary>Why no model could be trained, in words for the administrator.</summary>
public sealed class CauseTrainingException(string message) : Exception(message);
