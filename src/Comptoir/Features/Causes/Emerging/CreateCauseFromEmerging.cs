using System.Security.Claims;
using Comptoir.Features.Causes.Taxonomy;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// "Créer une cause" on an emerging term, in one step: the cause is created under the chosen domain, the
/// words of the flagged day's contacts with the term become its examples, those contacts still open and not
/// yet labelled by an advisor move to it, and the model is retrained so that the next contacts get it.
/// Like the rest of the taxonomy, for administrators only.
/// </summary>
public static class CreateCauseFromEmerging
{
    public sealed record Request(string? Name, string? EnglishName, int? ParentId, string? OwningTeam);

    public sealed record Response(int CauseId, string Code, int Examples, int Relabelled, int? ModelVersion);

    public static async Task<Results<Created<Response>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TrainCauseModel train, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(db, train, StaffScope.Of(user), user.FindFirstValue(ClaimTypes.Email) ?? "staff", id, request, t, time, cancellationToken);
        return outcome switch
        {
            { Response: { } r } => TypedResults.Created($"/api/causes/{r.CauseId}", r),
            { NotFound: true } => TypedResults.NotFound(),
            { Errors: { Count: > 0 } errors } => TypedResults.ValidationProblem(errors, title: t["La cause n'a pas été créée."]),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Ce signal a déjà été traité."]),
        };
    }

    public sealed record Outcome(Response? Response, bool NotFound, Dictionary<string, string[]>? Errors);

    public static async Task<Outcome> ExecuteAsync(
        ComptoirDbContext db, TrainCauseModel train, StaffScope scope, string by, long id, Request request, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        var irritant = await db.EmergingIrritants.AsNoTracking().VisibleTo(scope).SingleOrDefaultAsync(e => e.Id == id && e.Kind == EmergingKind.Term, cancellationToken);
        if (irritant is null)
        {
            return new Outcome(null, true, null);
        }

        if (irritant.Status != EmergingStatus.New)
        {
            return new Outcome(null, false, null);
        }

        if (request.ParentId is null)
        {
            return new Outcome(null, false, new() { [nameof(Request.ParentId)] = [t["Choisissez le domaine sous lequel créer la cause."]] });
        }

        var now = time.GetUtcNow();
        var (from, to) = LocalDays.Window(irritant.Day, BusinessClock.Zone(irritant.TimeZoneId));
        var contacts = (await EmergingContacts.LoadAsync(db, irritant.Scope, irritant.ScopeId, from, to, cancellationToken))
            .Where(c => c.Terms.Contains(irritant.Term))
            .ToList();

        Cause cause;
        int relabelled = 0, examples = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var claimed = await db.EmergingIrritants.Where(e => e.Id == id && e.Status == EmergingStatus.New)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmergingStatus.CauseCreated).SetProperty(e => e.ResolvedById, scope.StaffId).SetProperty(e => e.ResolvedAt, now), cancellationToken);
            if (claimed == 0)
            {
                return new Outcome(null, false, null);
            }

            var (created, errors) = await SaveCause.ExecuteAsync(db, null, new SaveCause.Request(request.Name, request.EnglishName, request.ParentId, null, request.OwningTeam), t, time, cancellationToken);
            if (created is null)
            {
                return new Outcome(null, false, errors);
            }

            cause = created;
            var ids = contacts.Select(c => c.ConversationId).ToList();
            var labelled = (await db.CauseExamples.Where(e => e.ConversationId != null && ids.Contains(e.ConversationId.Value)).Select(e => e.ConversationId!.Value).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var contact in contacts.Where(c => !labelled.Contains(c.ConversationId)))
            {
                db.CauseExamples.Add(new CauseExample { CauseId = cause.Id, ConversationId = contact.ConversationId, Text = contact.Text, Source = CauseExampleSource.Seed, CreatedAt = now });
                examples++;
            }

            var open = await db.Conversations
                .Where(c => ids.Contains(c.Id) && c.Status != ConversationStatus.Closed && c.CauseState != CauseState.Confirmed && c.CauseState != CauseState.Corrected)
                .ToListAsync(cancellationToken);
            var moves = new List<CauseCountDelta>();
            foreach (var conversation in open)
            {
                if (conversation.CauseId is { } old)
                {
                    moves.AddRange(CauseCounts.For(conversation, old, -1));
                }

                moves.AddRange(CauseCounts.For(conversation, cause.Id, 1));
                conversation.CauseId = cause.Id;
                conversation.CauseState = CauseState.Predicted;
                conversation.CauseConfidence = null;
                relabelled++;
            }

            await CauseCounts.ApplyAsync(db, moves, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.EmergingIrritants.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedCauseId, cause.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        int? version = null;
        try
        {
            version = (await train.ExecuteAsync(by, cancellationToken)).Id;
        }
        catch (CauseTrainingException)
        {
            // The cause and its examples are kept; the next training will learn them.
        }

        return new Outcome(new Response(cause.Id, cause.Code, examples, relabelled, version), false, null);
    }
}
