using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// An administrator closes a year's national public holidays of a country in one step (fixed ones, those that
/// follow Easter or a lunar calendar, see <see cref="PublicHolidays"/>); days already closed are left as they are,
/// and the deadlines running over the new days move (<see cref="MoveDeadlines"/>).
/// </summary>
public static class AddPublicHolidays
{
    public sealed record Request(string? CountryCode, int Year);

    public sealed record Response(int Added);

    public static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        Request request, ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, CancellationToken cancellationToken)
    {
        var (added, errors) = await ExecuteAsync(db, deadlines, t, request, cancellationToken);
        return added is { } count ? TypedResults.Ok(new Response(count)) : TypedResults.ValidationProblem(errors, title: t["Les jours fériés n'ont pas été ajoutés."]);
    }

    public static async Task<(int? Added, Dictionary<string, string[]> Errors)> ExecuteAsync(
        ComptoirDbContext db, MoveDeadlines deadlines, IStringLocalizer<Texts> t, Request request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var country = request.CountryCode?.Trim().ToUpperInvariant() ?? "";
        if (!PublicHolidays.Countries.Contains(country))
        {
            errors[nameof(Request.CountryCode)] = [t["Les jours fériés sont connus pour : {0}. Ajoutez les autres un par un.", string.Join(", ", PublicHolidays.Countries)]];
        }

        var (first, last) = PublicHolidays.YearsOf(country);
        (first, last) = (Math.Max(first, 2000), Math.Min(last, 2200));
        if (request.Year < first || request.Year > last)
        {
            errors[nameof(Request.Year)] = [t["Choisissez une année de {0} à {1}.", first, last]];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var added = await deadlines.AroundAsync(db, () => AddAsync(db, country, request.Year, cancellationToken), cancellationToken);
        return (added, errors);
    }

    /// <summary>Adds the holidays of a country and year that are not closed yet; returns how many.</summary>
    public static async Task<int> AddAsync(ComptoirDbContext db, string countryCode, int year, CancellationToken cancellationToken)
    {
        var holidays = PublicHolidays.Of(countryCode, year);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var closed = await db.ClosedDays.Where(d => d.CountryCode == countryCode && d.Date >= first && d.Date <= last).Select(d => d.Date).ToListAsync(cancellationToken);
        var missing = holidays.Where(h => !closed.Contains(h.Date)).Select(h => new ClosedDay { Date = h.Date, Name = h.Name, CountryCode = countryCode }).ToList();
        db.ClosedDays.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
