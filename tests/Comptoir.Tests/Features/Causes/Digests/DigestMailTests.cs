using System.Net;
using Comptoir.Features.Staff.Mail;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Features.Causes.Digests;

/// <summary>Subscribers get the digest by e-mail over SMTP in their language; a failed send is retried.</summary>
public sealed class DigestMailTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Subscribers_receive_the_digest_in_their_language_and_a_failed_send_is_retried(Db db)
    {
        var mail = MailServer.Require();
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 9));
        await using var database = await TestDatabase.CreateAsync(db);
        // The first instance's SMTP server is down; the second one reaches the test server.
        await using var broken = Host(database, clock, new Dictionary<string, string?>
        {
            ["Outbound:Smtp:Host"] = "127.0.0.1",
            ["Outbound:Smtp:Port"] = "9",
            ["Outbound:Smtp:Security"] = "None",
        });
        await using var working = Host(database, clock, new Dictionary<string, string?>
        {
            ["Demo:SeedOnFirstRun"] = "false",
            ["Outbound:Smtp:Host"] = mail.SmtpHost,
            ["Outbound:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbound:Smtp:Security"] = "None",
            ["Outbound:Smtp:User"] = MailServer.NewAddress("comptoir", "comptoir.test"),
            ["Outbound:Smtp:Password"] = mail.Password,
        });
        var france = await broken.CountryAsync("FR");
        await broken.WriteAsync(clock, ThreeDs, france);
        var english = MailServer.NewAddress("direction", "comptoir.test");
        var french = MailServer.NewAddress("paiement", "comptoir.test");
        await broken.QueryAsync(c => c.Staff.Where(m => m.Email == StaffSession.Demo("direction.fr"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, english).SetProperty(m => m.PreferredCulture, "en-GB")));
        await broken.QueryAsync(c => c.Staff.Where(m => m.Email == StaffSession.Demo("equipe.paiement"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Email, french)));
        using var executive = await broken.SignInAsync(StaffSession.Demo("direction.fr"));
        using var team = await broken.SignInAsync(StaffSession.Demo("equipe.paiement"));
        using var spanish = await broken.SignInAsync(StaffSession.Demo("direction.es"));
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(executive, $"/app/irritants?portee=Country&pays={france}", true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(team, "/app/irritants", true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubscribeAsync(spanish, $"/app/irritants?portee=Country&pays={france}", true, "/app/irritants")).StatusCode);
        Assert.Contains("Ne plus recevoir ce top par e-mail", await team.GetStringAsync("/app/irritants"), StringComparison.Ordinal);

        clock.SetUtcNow(ParisTime(2026, 11, 20, 10, 1));
        await broken.ProduceAsync();
        var failed = await broken.Services.GetRequiredService<SendStaffMail>().RunOnceAsync(default);
        var pending = await broken.QueryAsync(c => c.StaffMails.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        var tooSoon = await working.Services.GetRequiredService<SendStaffMail>().RunOnceAsync(default);
        clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await working.Services.GetRequiredService<SendStaffMail>().RunOnceAsync(default);
        var sentAgain = await working.Services.GetRequiredService<SendStaffMail>().RunOnceAsync(default);
        var englishInbox = await mail.InboxAsync(english);
        var frenchInbox = await mail.InboxAsync(french);

        Assert.Equal(0, failed);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, m => Assert.Equal((StaffMailStatus.Pending, 1), (m.Status, m.Attempts)));
        Assert.All(pending, m => Assert.NotNull(m.Error));
        Assert.Equal(0, tooSoon);
        Assert.Equal(2, sent);
        Assert.Equal(0, sentAgain);
        var inEnglish = Assert.Single(englishInbox);
        var inFrench = Assert.Single(frenchInbox);
        Assert.Equal("Top 1 irritants of 20/11/2026 · France", inEnglish.Subject);
        Assert.Contains("Payment › 3-D Secure failure", inEnglish.TextBody, StringComparison.Ordinal);
        Assert.Contains("je ne reçois jamais le code de ma banque", inEnglish.TextBody, StringComparison.Ordinal);
        Assert.Equal("Top 1 des irritants du 20/11/2026 · France", inFrench.Subject);
        Assert.Contains("Paiement › Échec 3-D Secure", inFrench.TextBody, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string page, bool subscribe, string? formPage = null)
    {
        var form = await client.GetStringAsync(formPage ?? page);
        var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await client.PostAsync($"{page}{separator}handler=Subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
            ["subscribe"] = subscribe ? "true" : "false",
        }));
    }
}
