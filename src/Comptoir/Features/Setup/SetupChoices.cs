using System.Globalization;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Setup;

/// <summary>The choices the set-up forms offer: activities, sites, stores, countries, queues, channels, languages.</summary>
public static class SetupChoices
{
    public static async Task<IReadOnlyList<SelectListItem>> ActivitiesAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return [.. activities.Select(a => Choice(a.Id, a.Name.Current))];
    }

    public static async Task<IReadOnlyList<SelectListItem>> StoresAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        return [.. stores.Select(s => Choice(s.Id, $"{s.Code} · {s.Name}"))];
    }

    public static async Task<IReadOnlyList<SelectListItem>> CountriesAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return [.. countries.Select(c => Choice(c.Id, c.Name.Current))];
    }

    public static async Task<IReadOnlyList<SelectListItem>> QueuesAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Code, q.Name }).ToListAsync(cancellationToken);
        return [.. queues.Select(q => Choice(q.Id, $"{q.Name} ({q.Code})"))];
    }

    public static IReadOnlyList<SelectListItem> Channels(IStringLocalizer<Texts> t) =>
        [.. Enum.GetValues<Channel>().Select(c => new SelectListItem(t[ConversationLabels.Of(c)], c.ToString()))];

    /// <summary>The languages of the group's countries, English, and any already in use, French first.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> LanguagesAsync(ComptoirDbContext db, IEnumerable<string?> inUse, CancellationToken cancellationToken)
    {
        var cultures = await db.Countries.AsNoTracking().Select(c => c.DefaultCulture).ToListAsync(cancellationToken);
        return
        [
            .. cultures.Select(c => c[..2].ToLowerInvariant())
                .Append("en")
                .Concat(inUse.OfType<string>())
                .Distinct(StringComparer.Ordinal)
                .OrderBy(code => code == "fr" ? 0 : 1).ThenBy(code => code, StringComparer.Ordinal)
                .Select(code => new SelectListItem(LanguageCodes.Label(code), code)),
        ];
    }

    public static SelectListItem Choice(int id, string label) => new(label, id.ToString(CultureInfo.InvariantCulture));
}
