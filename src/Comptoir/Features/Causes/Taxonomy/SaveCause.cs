using System.Globalization;
using System.Text;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Taxonomy;

/// <summary>
/// An administrator creates a cause, or renames, moves, reassigns or deactivates one. A deactivated cause
/// is no longer predicted nor offered to advisors, but its contacts and counts stay.
/// </summary>
public static class SaveCause
{
    /// <param name="Name">French name.</param>
    /// <param name="EnglishName">English name, optional.</param>
    /// <param name="ParentId">The cause it refines; empty for a domain.</param>
    /// <param name="Code">Stable code (e.g. <c>payment.3ds2</c>); made from the parent's and the name when empty.</param>
    /// <param name="OwningTeam">The team that acts on it; inherited from the parent when empty.</param>
    /// <param name="Active">False to deactivate (updates only).</param>
    public sealed record Request(string? Name, string? EnglishName, int? ParentId, string? Code, string? OwningTeam, bool Active = true);

    public sealed record Response(int Id, int? ParentId, string Code, string Name, string? EnglishName, string? OwningTeam, bool Active);

    public static async Task<Results<Created<Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, CauseClassifier classifier, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        var (cause, errors) = await ExecuteAsync(db, null, request, t, time, cancellationToken);
        if (cause is null)
        {
            return TypedResults.ValidationProblem(errors, title: t["La cause n'a pas été enregistrée."]);
        }

        classifier.Invalidate();
        return TypedResults.Created($"/api/causes/{cause.Id}", ToResponse(cause));
    }

    public static async Task<Results<Ok<Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, CauseClassifier classifier, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Causes.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (cause, errors) = await ExecuteAsync(db, id, request, t, time, cancellationToken);
        if (cause is null)
        {
            return TypedResults.ValidationProblem(errors, title: t["La cause n'a pas été enregistrée."]);
        }

        classifier.Invalidate();
        return TypedResults.Ok(ToResponse(cause));
    }

    public static Response ToResponse(Cause c) => new(c.Id, c.ParentId, c.Code, c.Name, c.EnglishName, c.OwningTeam, c.Active);

    /// <summary>Creates (<paramref name="id"/> empty) or updates the cause, or returns what is wrong field by field; saves nothing on error.</summary>
    public static async Task<(Cause? Cause, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, int? id, Request request, IStringLocalizer<Texts> t, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Fail(nameof(Request.Name), t["Saisissez le nom de la cause."]);
        }
        else if (name.Length > 120)
        {
            Fail(nameof(Request.Name), t["Le nom ne doit pas dépasser 120 caractères."]);
        }

        var causes = await db.Causes.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Code, c.Active }).ToListAsync(cancellationToken);
        var byId = causes.ToDictionary(c => c.Id);
        if (request.ParentId is { } parentId)
        {
            if (!byId.TryGetValue(parentId, out var parent) || !parent.Active)
            {
                Fail(nameof(Request.ParentId), t["La cause parente doit exister et être active."]);
            }
            else if (id is { } self)
            {
                // Moving a cause under itself or one of its descendants would make a loop.
                for (int? at = parentId; at is { } a && byId.TryGetValue(a, out var node); at = node.ParentId)
                {
                    if (a == self)
                    {
                        Fail(nameof(Request.ParentId), t["Une cause ne peut pas être déplacée sous elle-même ni sous une de ses sous-causes."]);
                        break;
                    }
                }
            }
        }

        var existing = id is { } editId ? await db.Causes.SingleAsync(c => c.Id == editId, cancellationToken) : null;
        var code = string.IsNullOrWhiteSpace(request.Code)
            ? existing?.Code ?? Suggest(request.ParentId is { } p && byId.TryGetValue(p, out var pc) ? pc.Code : null, name)
            : request.Code.Trim().ToLowerInvariant();
        if (code.Length is 0 or > 80 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            Fail(nameof(Request.Code), t["Le code ne contient que des lettres sans accent, des chiffres, des points et des tirets (80 au plus)."]);
        }
        else if (causes.Any(c => c.Code == code && c.Id != id))
        {
            Fail(nameof(Request.Code), t["Ce code est déjà celui d'une autre cause."]);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var cause = existing ?? new Cause { Code = code, Name = name, CreatedAt = time.GetUtcNow() };
        cause.Code = code;
        cause.Name = name;
        cause.EnglishName = string.IsNullOrWhiteSpace(request.EnglishName) ? null : request.EnglishName.Trim();
        cause.ParentId = request.ParentId;
        cause.OwningTeam = string.IsNullOrWhiteSpace(request.OwningTeam) ? null : request.OwningTeam.Trim();
        cause.Active = existing is null || request.Active;
        if (existing is null)
        {
            db.Causes.Add(cause);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (cause, errors);
    }

    /// <summary>A code from the parent's and the name: "payment" and "Code 3DS2 refusé" give <c>payment.code-3ds2-refuse</c>.</summary>
    public static string Suggest(string? parentCode, string name)
    {
        var slug = new StringBuilder();
        foreach (var word in Classification.TextTokeniser.Tokens(name))
        {
            var ascii = new string([.. word.Where(c => char.IsAsciiLetterOrDigit(c))]);
            if (ascii.Length > 0)
            {
                slug.Append(slug.Length == 0 ? "" : "-").Append(ascii);
            }
        }

        var code = (parentCode is null ? "" : parentCode + ".") + (slug.Length == 0 ? "cause" : slug.ToString().ToLower(CultureInfo.InvariantCulture));
        return code.Length > 80 ? code[..80] : code;
    }
}
