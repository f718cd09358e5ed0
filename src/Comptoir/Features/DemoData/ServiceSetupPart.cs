using System.Globalization;
using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Features.ServiceLevels;
using Comptoir.Features.Setup.ServiceLevels;
using Comptoir.Features.Staff;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.DemoData;

/// <summary>
/// How the service centre is set up: a queue per activity served by its contracted sites (overflowing to
/// every other site trained for it), a social-media desk, service levels per channel, advisors' skills,
/// hours and capacity, a few answer templates, and the public holidays of the countries around now.
/// </summary>
internal sealed class ServiceSetupPart : IDemoDataPart
{
    /// <summary>Sites contracted for each activity; other sites trained for it take its overflow.</summary>
    private static readonly Dictionary<string, string[]> HomeSites = new()
    {
        ["SWITCHBOARD"] = ["TUNIS", "ANTANANARIVO", "DAKAR"],
        ["ECOMMERCE"] = ["EVRY", "TUNIS"],
        ["STORE_CARD"] = ["SAINT_ETIENNE", "TUNIS"],
        ["FUEL"] = ["DAKAR"],
        ["CONSUMER"] = ["SAINT_ETIENNE", "ANTANANARIVO"],
        ["CAR_RENTAL"] = ["DAKAR"],
    };

    private static readonly string[] ShiftPatterns =
        ["Mon-Fri 08:00-16:00", "Mon-Fri 12:00-20:00", "Tue-Sat 09:00-17:00", "Mon-Sat 08:00-13:00"];

    public int Order => 10;

    public string Name => "service-setup";

    public async Task<string> GenerateAsync(DemoDataRun run, CancellationToken cancellationToken)
    {
        var db = run.Db;
        var random = run.RandomFor(Name);
        var activities = await db.Activities.ToDictionaryAsync(a => a.Code, cancellationToken);
        var sites = await db.ServiceSites.Include(s => s.Activities).ToDictionaryAsync(s => s.Code, cancellationToken);

        var queues = new List<ServiceQueue>();
        foreach (var (code, homes) in HomeSites)
        {
            queues.Add(new ServiceQueue
            {
                Code = code,
                Name = activities[code].Name.Fr,
                ActivityId = activities[code].Id,
                OverflowAbove = activities[code].TypicalDailyContacts / 100,
                OverflowBelow = activities[code].TypicalDailyContacts / 400,
                HomeSites = [.. homes.Select(site => new QueueSite { SiteId = sites[site].Id })],
            });
        }

        var social = new ServiceQueue
        {
            Code = "SOCIAL",
            Name = "Réseaux sociaux",
            ActivityId = activities["ECOMMERCE"].Id,
            OverflowAbove = 30,
            OverflowBelow = 5,
            HomeSites = [new QueueSite { SiteId = sites["EVRY"].Id }],
        };
        queues.Add(social);
        db.Queues.AddRange(queues);
        await db.SaveChangesAsync(cancellationToken);

        db.RoutingRules.Add(new RoutingRule { Order = 10, Name = "Réseaux sociaux vers le pôle social", Channel = Channel.Social, QueueId = social.Id });
        db.ServiceLevelPolicies.AddRange(
            new ServiceLevelPolicy { Name = "Par défaut", FirstResponseMinutes = 240, ResolutionMinutes = 2_880, WarningMinutes = 30 },
            new ServiceLevelPolicy { Name = "Rappel téléphonique", Channel = Channel.Phone, FirstResponseMinutes = 60, ResolutionMinutes = 240, WarningMinutes = 15 },
            new ServiceLevelPolicy { Name = "E-mail", Channel = Channel.Email, FirstResponseMinutes = 480, ResolutionMinutes = 2_880, WarningMinutes = 60 },
            new ServiceLevelPolicy { Name = "SMS", Channel = Channel.Sms, FirstResponseMinutes = 120, ResolutionMinutes = 1_440, WarningMinutes = 30 },
            new ServiceLevelPolicy { Name = "Réseaux sociaux", Channel = Channel.Social, FirstResponseMinutes = 60, ResolutionMinutes = 1_440, WarningMinutes = 15 },
            new ServiceLevelPolicy { Name = "Carnet de caisse", Channel = Channel.CheckoutNotebook, FirstResponseMinutes = 480, ResolutionMinutes = 1_440, WarningMinutes = 60 },
            new ServiceLevelPolicy { Name = "Réclamation carte de paiement", ActivityId = activities["STORE_CARD"].Id, FirstResponseMinutes = 240, ResolutionMinutes = 1_440, WarningMinutes = 30 });

        var advisors = await db.Staff
            .Where(m => m.Role == StaffRole.Advisor || m.Role == StaffRole.Supervisor)
            .Select(m => new { m.Id, m.SiteId })
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var advisor in advisors)
        {
            var site = sites.Values.Single(s => s.Id == advisor.SiteId);
            db.AdvisorProfiles.Add(new AdvisorProfile
            {
                StaffMemberId = advisor.Id,
                ActivityIds = [.. site.Activities.Select(a => a.ActivityId).Order()],
                Languages = random.Next(4) == 0 ? ["fr", "en"] : ["fr"],
                WorkingHours = ShiftPatterns[random.Next(ShiftPatterns.Length)],
            });
        }

        db.AnswerTemplates.AddRange(
            new AnswerTemplate { Name = "Accusé de prise en charge", Language = "fr", Body = "Bonjour {client},\n\nJe prends en charge votre demande {reference} et reviens vers vous au plus vite.\n\n{conseiller}, service client" },
            new AnswerTemplate { Name = "Remboursement accordé", Language = "fr", Body = "Bonjour {client},\n\nNous avons procédé au remboursement. Il apparaîtra sur votre compte sous 3 à 5 jours ouvrés.\n\nBien cordialement,\n{conseiller}" },
            new AnswerTemplate { Name = "Livraison : nouveau créneau", Language = "fr", ActivityId = activities["ECOMMERCE"].Id, Body = "Bonjour {client},\n\nVotre commande n'a pas pu être livrée. Je vous propose un nouveau créneau : merci de me répondre avec vos disponibilités.\n\n{conseiller}" },
            new AnswerTemplate { Name = "We are on it", Language = "en", Body = "Hello {client},\n\nI am looking into your request {reference} and will come back to you shortly.\n\n{conseiller}, customer service" });
        await db.SaveChangesAsync(cancellationToken);

        // National public holidays around now, computed (Easter, Orthodox Easter and lunar dates included) rather than
        // listed per year: those of every country in the catalogue.
        var holidays = 0;
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        foreach (var country in countries.Intersect(PublicHolidays.Countries))
        {
            for (var year = run.Now.Year - 1; year <= run.Now.Year + 1; year++)
            {
                holidays += await AddPublicHolidays.AddAsync(db, country, year, cancellationToken);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{queues.Count} queues, 1 routing rule, 7 service levels, {advisors.Count} advisor profiles, 4 answer templates, {holidays} public holidays");
    }
}
