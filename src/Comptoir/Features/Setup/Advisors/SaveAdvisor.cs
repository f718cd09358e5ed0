using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Comptoir.Features.Routing;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>
/// An administrator, or the manager of the advisor's site, changes what an advisor can take: skills
/// (activities), languages, working hours and capacities. "Next conversation" reads the profile each time, so
/// the change applies to the advisor's very next conversation; conversations they already hold stay theirs.
/// </summary>
public static class SaveAdvisor
{
    public const int MaxWrittenCapacity = 10;

    public sealed class Request
    {
        public List<int> ActivityIds { get; set; } = [];

        public List<string> Languages { get; set; } = [];

        [Required(ErrorMessage = "Saisissez les horaires de travail, par exemple « Mon-Fri 08:00-16:00 ».")]
        [MaxLength(200, ErrorMessage = "Les horaires tiennent en 200 caractères au plus.")]
        public string WorkingHours { get; set; } = "";

        [Range(0, 1, ErrorMessage = "Un conseiller prend au plus un appel à la fois : 0 ou 1.")]
        public int CallCapacity { get; set; } = 1;

        [Range(0, MaxWrittenCapacity, ErrorMessage = "Les conversations écrites simultanées vont de 0 à 10.")]
        public int WrittenCapacity { get; set; } = 3;

        public static Request From(GetAdvisor.Response a) => new()
        {
            ActivityIds = [.. a.ActivityIds],
            Languages = [.. a.Languages],
            WorkingHours = a.WorkingHours,
            CallCapacity = a.CallCapacity,
            WrittenCapacity = a.WrittenCapacity,
        };
    }

    public static async Task<Results<Ok<GetAdvisor.Response>, NotFound, ValidationProblem>> UpdateAsync(
        int id, Request request, ClaimsPrincipal user, ComptoirDbContext db, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var scope = StaffScope.Of(user);
        if (!await db.Staff.EditableBy(scope).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var errors = await ExecuteAsync(db, t, id, request, cancellationToken);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: t["Le profil du conseiller n'a pas été enregistré."])
            : TypedResults.Ok((await GetAdvisor.QueryAsync(db, scope, id, cancellationToken))!);
    }

    /// <summary>What is wrong with the request beyond its attributes, field by field (empty when nothing is).</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(ComptoirDbContext db, IStringLocalizer<Texts> t, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var activityIds = (request.ActivityIds ?? []).Distinct().ToList();
        if (activityIds.Count == 0)
        {
            Fail(nameof(Request.ActivityIds), t["Choisissez au moins une compétence : sans activité, le conseiller ne recevrait aucun contact."]);
        }
        else if (await db.Activities.CountAsync(a => activityIds.Contains(a.Id), cancellationToken) < activityIds.Count)
        {
            Fail(nameof(Request.ActivityIds), t["Une des activités choisies n'existe pas."]);
        }

        var languages = (request.Languages ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var unknown = languages.Where(l => LanguageCodes.NormalizeKnown(l) is null).ToList();
        if (languages.Count == 0)
        {
            Fail(nameof(Request.Languages), t["Choisissez au moins une langue parlée par le conseiller."]);
        }
        else if (unknown.Count > 0)
        {
            Fail(nameof(Request.Languages), t["Langue inconnue : {0}. Écrivez chaque langue en deux lettres (fr, en, es…).", string.Join(", ", unknown)]);
        }

        if (!string.IsNullOrWhiteSpace(request.WorkingHours) && !WeeklyHours.TryParse(request.WorkingHours, out _, out var problem))
        {
            Fail(nameof(Request.WorkingHours), t["Horaires illisibles : {0} Jours en anglais (Mon, Tue, Wed, Thu, Fri, Sat, Sun), plages séparées par « ; ».", problem]);
        }

        return errors;
    }

    /// <summary>Saves the profile (creating it for an advisor who had none), or returns what is wrong field by field.</summary>
    public static async Task<Dictionary<string, string[]>> ExecuteAsync(ComptoirDbContext db, IStringLocalizer<Texts> t, int id, Request request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(db, t, request, cancellationToken);
        if (errors.Count > 0)
        {
            return errors;
        }

        var profile = await db.AdvisorProfiles.SingleOrDefaultAsync(p => p.StaffMemberId == id, cancellationToken)
            ?? db.AdvisorProfiles.Add(new AdvisorProfile { StaffMemberId = id, WorkingHours = "" }).Entity;
        profile.ActivityIds = [.. request.ActivityIds.Distinct().Order()];
        profile.Languages = [.. request.Languages.Select(LanguageCodes.NormalizeKnown).OfType<string>().Distinct(StringComparer.Ordinal)];
        profile.WorkingHours = request.WorkingHours.Trim();
        profile.CallCapacity = request.CallCapacity;
        profile.WrittenCapacity = request.WrittenCapacity;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
