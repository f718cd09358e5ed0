using System.ComponentModel.DataAnnotations;
using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// An administrator changes the hours service-level clocks run in: a service site's hours of service, or a
/// store's opening hours (used for contacts about that store). Hours are read in the place's own time zone.
/// The deadlines already running move with them (<see cref="MoveDeadlines"/>).
/// </summary>
public static class SetOpeningHours
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Saisissez les horaires, par exemple « Mon-Fri 08:00-18:00; Sat 09:00-12:00 ».")]
        [MaxLength(200, ErrorMessage = "Les horaires tiennent en 200 caractères au plus.")]
        public string Hours { get; set; } = "";
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SiteAsync(
        int id, Request request, ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var errors = Validate(t, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Les horaires n'ont pas été enregistrés."]);
        }

        return await ExecuteForSiteAsync(db, deadlines, id, request, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> StoreAsync(
        int id, Request request, ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var errors = Validate(t, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Les horaires n'ont pas été enregistrés."]);
        }

        return await ExecuteForStoreAsync(db, deadlines, id, request, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>The hours as <see cref="WeeklyHours"/> reads them, with its own account of what it could not read.</summary>
    public static Dictionary<string, string[]> Validate(IStringLocalizer<Texts> t, Request request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(request.Hours) && !WeeklyHours.TryParse(request.Hours, out _, out var problem))
        {
            errors[nameof(Request.Hours)] = [t["Horaires illisibles : {0} Jours en anglais (Mon, Tue, Wed, Thu, Fri, Sat, Sun), plages séparées par « ; ».", problem]];
        }

        return errors;
    }

    public static async Task<bool> ExecuteForSiteAsync(ComptoirDbContext db, MoveDeadlines deadlines, int id, Request request, CancellationToken cancellationToken)
    {
        var hours = request.Hours.Trim();
        return await deadlines.AroundAsync(db, () => db.ServiceSites.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ServiceHours, hours), cancellationToken), cancellationToken) > 0;
    }

    public static async Task<bool> ExecuteForStoreAsync(ComptoirDbContext db, MoveDeadlines deadlines, int id, Request request, CancellationToken cancellationToken)
    {
        var hours = request.Hours.Trim();
        return await deadlines.AroundAsync(db, () => db.Stores.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.OpeningHours, hours), cancellationToken), cancellationToken) > 0;
    }
}
