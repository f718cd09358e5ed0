using System.ComponentModel.DataAnnotations;
using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// An administrator closes a day: a public holiday of a country (its stores and the service sites located
/// there), or a closure of one site or one store. Deadlines skip it, those of the next contacts and those
/// already running (<see cref="MoveDeadlines"/>).
/// </summary>
public static class AddClosedDay
{
    public sealed class Request
    {
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Nommez le jour fermé, par exemple « Fête du Travail » ou « Inventaire ».")]
        [MaxLength(120, ErrorMessage = "Le nom tient en 120 caractères au plus.")]
        public string Name { get; set; } = "";

        /// <summary>ISO 3166-1 alpha-2 code for a public holiday, e.g. FR.</summary>
        public string? CountryCode { get; set; }

        public int? SiteId { get; set; }

        public int? StoreId { get; set; }
    }

    public static async Task<Results<Created<ListClosedDays.Day>, ValidationProblem>> HandleAsync(
        Request request, ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (day, errors) = await ExecuteAsync(db, deadlines, t, request, cancellationToken);
        if (day is null)
        {
            return TypedResults.ValidationProblem(errors, title: t["Le jour fermé n'a pas été enregistré."]);
        }

        var created = (await ListClosedDays.QueryAsync(db, day.Date.Year, cancellationToken)).Single(d => d.Id == day.Id);
        return TypedResults.Created($"/api/setup/service-levels/closed-days?year={day.Date.Year}", created);
    }

    public static async Task<(ClosedDay? Day, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var country = string.IsNullOrWhiteSpace(request.CountryCode) ? null : request.CountryCode.Trim().ToUpperInvariant();
        var name = request.Name?.Trim() ?? "";
        if (request.Date is null)
        {
            errors[nameof(Request.Date)] = [t["Choisissez la date du jour fermé."]];
        }

        if (name.Length is 0 or > 120)
        {
            errors[nameof(Request.Name)] = [t["Nommez le jour fermé, par exemple « Fête du Travail » ou « Inventaire »."]];
        }

        if ((country is null ? 0 : 1) + (request.SiteId is null ? 0 : 1) + (request.StoreId is null ? 0 : 1) != 1)
        {
            errors[nameof(Request.CountryCode)] = [t["Choisissez un seul lieu : un pays (jour férié), un site ou un magasin."]];
        }
        else if (country is not null && !await db.Countries.AnyAsync(c => c.Code == country, cancellationToken)
                 && !await db.ServiceSites.AnyAsync(s => s.LocationCountryCode == country, cancellationToken))
        {
            errors[nameof(Request.CountryCode)] = [t["Aucun magasin ni site n'est dans le pays « {0} ».", country]];
        }
        else if (request.SiteId is { } site && !await db.ServiceSites.AnyAsync(s => s.Id == site, cancellationToken))
        {
            errors[nameof(Request.SiteId)] = [t["Ce site n'existe pas."]];
        }
        else if (request.StoreId is { } store && !await db.Stores.AnyAsync(s => s.Id == store, cancellationToken))
        {
            errors[nameof(Request.StoreId)] = [t["Ce magasin n'existe pas."]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var date = request.Date!.Value;
        if (await db.ClosedDays.AnyAsync(d => d.Date == date && d.CountryCode == country && d.SiteId == request.SiteId && d.StoreId == request.StoreId, cancellationToken))
        {
            errors[nameof(Request.Date)] = [t["Ce jour est déjà fermé pour ce lieu."]];
            return (null, errors);
        }

        var day = new ClosedDay { Date = date, Name = name, CountryCode = country, SiteId = request.SiteId, StoreId = request.StoreId };
        await deadlines.AroundAsync(db, async () =>
        {
            db.ClosedDays.Add(day);
            return await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return (day, errors);
    }
}
