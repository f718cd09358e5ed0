using System.Globalization;
using System.Text;
using Comptoir.Features.Staff.Mail;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// The digest by e-mail to the members subscribed to its scope, each in their language, added to the staff
/// mail outbox in the digest's own transaction: produced once, mailed once.
/// </summary>
public static class DigestMails
{
    /// <summary>Adds one mail per subscriber still allowed to read the scope; returns how many.</summary>
    public static async Task<int> AddAsync(ComptoirDbContext db, CauseDigest digest, IStringLocalizer<Texts> t, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscribers = await db.DigestSubscriptions.AsNoTracking()
            .Where(s => s.Scope == digest.Scope && s.ScopeId == digest.ScopeId)
            .Join(db.Staff.Where(m => m.DeactivatedAt == null && m.Email != null), s => s.StaffMemberId, m => m.Id,
                (s, m) => new { m.Id, Email = m.Email!, m.Role, m.CountryId, m.PreferredCulture })
            .ToListAsync(cancellationToken);
        subscribers.RemoveAll(s => !DigestAccess.CanRead(s.Role, s.CountryId, digest.Scope, digest.ScopeId));
        if (subscribers.Count == 0)
        {
            return 0;
        }

        var causes = await db.Causes.AsNoTracking().Select(c => new CauseName(c.Id, c.ParentId, c.Name, c.EnglishName)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var country = digest.Scope == CauseScope.Country
            ? await db.Countries.AsNoTracking().Where(c => c.Id == digest.ScopeId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var previousUi = CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (var subscriber in subscribers)
            {
                var culture = new CultureInfo(subscriber.PreferredCulture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? LocalizationSetup.English : LocalizationSetup.French);
                CultureInfo.CurrentUICulture = culture;
                CultureInfo.CurrentCulture = culture;
                var scopeName = country?.In(culture) ?? t["le groupe"];
                db.StaffMails.Add(new StaffMail
                {
                    StaffMemberId = subscriber.Id,
                    To = subscriber.Email,
                    Subject = t["Top {0} des irritants du {1} · {2}", digest.Entries.Count, digest.LocalDate.ToString("d", culture), scopeName],
                    Body = Body(digest, t, causes, scopeName, culture),
                    CreatedAt = now,
                    Status = StaffMailStatus.Pending,
                    NextAttemptAt = now,
                });
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }

        return subscribers.Count;
    }

    private sealed record CauseName(int Id, int? ParentId, string Name, string? EnglishName);

    private static string Body(CauseDigest digest, IStringLocalizer<Texts> t, Dictionary<int, CauseName> causes, string scopeName, CultureInfo culture)
    {
        var zone = Platform.Time.BusinessClock.Zone(digest.TimeZoneId);
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("g", culture);
        var text = new StringBuilder();
        text.AppendLine(t["Les causes de contact les plus fréquentes · {0}", scopeName]);
        text.AppendLine(t["Du {0} au {1} ({2}) : {3} contacts.", Local(digest.WindowStart), Local(digest.WindowEnd), digest.TimeZoneId, digest.TotalContacts]);
        text.AppendLine();
        if (digest.Entries.Count == 0)
        {
            text.AppendLine(t["Aucun contact n'a été classé dans cette période."]);
        }

        foreach (var entry in digest.Entries.OrderBy(e => e.Rank))
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Rank}. {Path(causes, entry.CauseId)} : ").Append(t["{0} contacts", entry.Count]);
            text.Append(" (").Append(Trend.Of(entry.TrendPercent, t)).Append(')');
            if (entry.IsNew)
            {
                text.Append(" · ").Append(t["nouveau dans le top"]);
            }

            text.AppendLine();
            text.Append("   ").Append(t["Équipe : {0}", entry.OwningTeam ?? "—"]);
            text.Append(" · ").AppendLine(entry.ActionPlan is { } plan
                ? t["Action : {0} ({1})", plan, CauseActionLabels.Of(entry.ActionStatus ?? CauseActionStatus.Planned, t)]
                : t["Aucune action engagée"]);
            foreach (var verbatim in entry.Verbatims)
            {
                text.Append("   « ").Append(verbatim.Excerpt).AppendLine(" »");
            }

            text.AppendLine();
        }

        text.AppendLine(t["Le détail et les contacts de chaque cause : /app/irritants/{0}", digest.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        return text.ToString();
    }

    private static string Path(Dictionary<int, CauseName> causes, int id)
    {
        var names = new List<string>();
        for (int? current = id; current is { } c && causes.TryGetValue(c, out var cause); current = cause.ParentId)
        {
            names.Insert(0, CauseChoices.Display(cause.Name, cause.EnglishName));
        }

        return string.Join(" › ", names);
    }
}

/// <summary>How a trend and an action's status read.</summary>
public static class Trend
{
    public static string Of(double? percent, IStringLocalizer t) => percent switch
    {
        null => t["pas de contact les semaines précédentes"],
        >= 0 => "▲ " + percent.Value.ToString("0.#", CultureInfo.CurrentCulture) + " %",
        _ => "▼ " + Math.Abs(percent.Value).ToString("0.#", CultureInfo.CurrentCulture) + " %",
    };
}

public static class CauseActionLabels
{
    public static string Of(CauseActionStatus status, IStringLocalizer t) => status switch
    {
        CauseActionStatus.InProgress => t["En cours"],
        CauseActionStatus.Done => t["Terminée"],
        _ => t["Prévue"],
    };
}
