using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Templates;

/// <summary>
/// An administrator or a supervisor adds or changes an answer template: its title (unique for its language and
/// activity, since advisors choose by title), language, activity (none for every activity) and body, whose
/// placeholders must be ones the filling knows, or they would reach the customer as written.
/// </summary>
public static class SaveTemplate
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Donnez un titre au modèle : c'est lui que les conseillers choisissent.")]
        [MaxLength(120, ErrorMessage = "Le titre tient en 120 caractères au plus.")]
        public string Name { get; set; } = "";

        public string Language { get; set; } = "fr";

        public int? ActivityId { get; set; }

        [Required(ErrorMessage = "Écrivez le texte du modèle.")]
        [MaxLength(4000, ErrorMessage = "Le texte tient en 4 000 caractères au plus.")]
        public string Body { get; set; } = "";

        public static Request From(GetTemplate.Response t) => new()
        {
            Name = t.Name,
            Language = t.Language,
            ActivityId = t.ActivityId,
            Body = t.Body,
        };
    }

    public static async Task<Results<Created<GetTemplate.Response>, ValidationProblem>> CreateAsync(
        Request request, ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (template, errors) = await ExecuteAsync(db, t, null, request, cancellationToken);
        return template is null
            ? TypedResults.ValidationProblem(errors, title: t["Le modèle n'a pas été enregistré."])
            : TypedResults.Created($"/api/setup/templates/{template.Id}", (await GetTemplate.QueryAsync(db, template.Id, cancellationToken))!);
    }

    public static async Task<Results<Ok<GetTemplate.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        if (!await db.AnswerTemplates.AnyAsync(x => x.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (template, errors) = await ExecuteAsync(db, t, id, request, cancellationToken);
        return template is null
            ? TypedResults.ValidationProblem(errors, title: t["Le modèle n'a pas été enregistré."])
            : TypedResults.Ok((await GetTemplate.QueryAsync(db, template.Id, cancellationToken))!);
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var language = LanguageCodes.NormalizeKnown(request.Language);
        if (language is null)
        {
            Fail(nameof(Request.Language), t["Écrivez la langue du modèle en deux lettres (fr, en, es…) : il n'est proposé que pour les conversations dans cette langue."]);
        }

        if (request.ActivityId is { } activity && !await db.Activities.AnyAsync(a => a.Id == activity, cancellationToken))
        {
            Fail(nameof(Request.ActivityId), t["Cette activité n'existe pas : choisissez-en une, ou aucune pour toutes les activités."]);
        }

        var name = (request.Name ?? "").Trim();
        if (name.Length > 0 && language is not null)
        {
            var taken = await db.AnswerTemplates.AsNoTracking()
                .Where(x => x.Language == language && x.ActivityId == request.ActivityId && x.Id != (id ?? 0))
                .Select(x => x.Name)
                .ToListAsync(cancellationToken);
            if (taken.Any(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase)))
            {
                Fail(nameof(Request.Name), t["Un autre modèle de même langue et de même activité s'appelle déjà « {0} ».", name]);
            }
        }

        if (BodyError(t, request.Body) is { } bodyError)
        {
            Fail(nameof(Request.Body), bodyError);
        }

        return errors;
    }

    /// <summary>Why the body would not be filled as written, or null: only known placeholders are replaced.</summary>
    public static string? BodyError(IStringLocalizer<Texts> t, string? body)
    {
        var unknown = AnswerTemplates.UnknownPlaceholders(body ?? "");
        return unknown.Count == 0
            ? null
            : t["Espace réservé inconnu : {0}. Seuls {1} sont remplacés ; tout autre texte entre accolades parviendrait tel quel au client.", string.Join(", ", unknown), string.Join(", ", AnswerTemplates.Placeholders)].Value;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes the template, or returns what is wrong field by field.</summary>
    public static async Task<(AnswerTemplate? Template, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, IStringLocalizer<Texts> t, int? id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, id, request, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var template = id is { } existing
            ? await db.AnswerTemplates.SingleAsync(x => x.Id == existing, cancellationToken)
            : db.AnswerTemplates.Add(new AnswerTemplate { Name = "", Language = "", Body = "" }).Entity;
        template.Name = request.Name.Trim();
        template.Language = LanguageCodes.NormalizeKnown(request.Language)!;
        template.ActivityId = request.ActivityId;
        template.Body = request.Body.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return (template, errors);
    }
}
