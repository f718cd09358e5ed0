using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// The owning team writes what it does about its cause, and moves it from planned to in progress to done.
/// Only members of that team (the cause's, or inherited from its domain) and administrators may.
/// </summary>
public static class UpdateCauseAction
{
    public const int MaxPlanLength = 2000;

    public sealed record Request(string? Plan, CauseActionStatus Status);

    public sealed record Response(int CauseId, string Plan, CauseActionStatus Status, DateTimeOffset UpdatedAt, string UpdatedBy);

    public static async Task<Results<Ok<Response>, NotFound, ProblemHttpResult>> HandleAsync(
        int id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await ExecuteAsync(db, StaffScope.Of(user), id, request, time.GetUtcNow(), cancellationToken);
            return saved is null ? TypedResults.NotFound() : TypedResults.Ok(saved);
        }
        catch (CauseActionException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: "The action was not saved", detail: e.Message);
        }
    }

    /// <summary>Whether the member may edit the plans of causes owned by <paramref name="owningTeam"/>.</summary>
    public static async Task<bool> CanEditAsync(ComptoirDbContext db, StaffScope member, string? owningTeam, CancellationToken cancellationToken)
    {
        if (member.IsAdministrator)
        {
            return true;
        }

        var team = await db.Staff.AsNoTracking().Where(m => m.Id == member.StaffId).Select(m => m.Team).SingleOrDefaultAsync(cancellationToken);
        return team is not null && owningTeam is not null && string.Equals(team, owningTeam, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<Response?> ExecuteAsync(ComptoirDbContext db, StaffScope member, int causeId, Request request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cause = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).FirstOrDefault(c => c.Id == causeId);
        if (cause is null)
        {
            return null;
        }

        if (!await CanEditAsync(db, member, cause.OwningTeam, cancellationToken))
        {
            throw new CauseActionException(StatusCodes.Status403Forbidden, "Seule l'équipe qui porte cette cause peut modifier son plan d'action.");
        }

        var plan = request.Plan?.Trim();
        if (string.IsNullOrEmpty(plan) || plan.Length > MaxPlanLength)
        {
            throw new CauseActionException(StatusCodes.Status400BadRequest, "Décrivez l'action en 2 000 caractères au plus.");
        }

        if (!Enum.IsDefined(request.Status))
        {
            throw new CauseActionException(StatusCodes.Status400BadRequest, "Choisissez un statut : prévue, en cours ou terminée.");
        }

        var name = await db.Staff.AsNoTracking().Where(m => m.Id == member.StaffId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
        var action = await db.CauseActions.SingleOrDefaultAsync(a => a.CauseId == causeId, cancellationToken);
        if (action is null)
        {
            action = new CauseAction { CauseId = causeId, Plan = plan, UpdatedBy = name };
            db.CauseActions.Add(action);
        }

        action.Plan = plan;
        action.Status = request.Status;
        action.UpdatedAt = now;
        action.UpdatedById = member.StaffId;
        action.UpdatedBy = name;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(causeId, action.Plan, action.Status, action.UpdatedAt, action.UpdatedBy);
    }
}

/// <summary>Why an action plan was refused, in words for the member, with the HTTP status that says it.</summary>
public sealed class CauseActionException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
