using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Channels.Email;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Channels.Email;

public sealed class MailboxAdminTests(Hosts hosts)
{
    private const string Secret = "Mot-de-passe-IMAP-42";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_mailbox_password_is_stored_protected_and_never_shown_back(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var activity = await host.QueryAsync(c => c.Activities.Where(a => a.Code == "FUEL").Select(a => a.Id).SingleAsync());
        var store = await host.QueryAsync(c => c.Stores.Where(s => s.Code == "H001").Select(s => new { s.Id, s.CountryId }).SingleAsync());
        var address = MailServer.NewAddress("carburant", "comptoir.test");

        var created = await admin.PostAsJsonAsync("/api/mailboxes", new
        {
            address = address.ToUpperInvariant(),
            displayName = "Station Évry",
            activityId = activity,
            storeId = store.Id,
            imapHost = "imap.example.test",
            imapPort = 993,
            imapSecurity = "SslOnConnect",
            imapUser = address,
            imapPassword = Secret,
            smtpHost = "smtp.example.test",
            smtpPort = 587,
            smtpSecurity = "StartTls",
            smtpUser = address,
            smtpPassword = Secret,
        });
        var body = await created.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        var listed = await admin.GetStringAsync("/api/mailboxes");
        var stored = await host.QueryAsync(c => c.Mailboxes.SingleAsync(m => m.Id == id));
        var passwords = host.Services.GetRequiredService<MailboxPasswords>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(address, stored.Address);
        Assert.Equal(store.CountryId, stored.CountryId);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, listed, StringComparison.Ordinal);
        Assert.Contains(address, listed, StringComparison.Ordinal);
        Assert.NotEqual(Secret, stored.ImapPasswordProtected);
        Assert.DoesNotContain(Secret, stored.ImapPasswordProtected, StringComparison.Ordinal);
        Assert.Equal(Secret, passwords.Reveal(stored.ImapPasswordProtected));
        Assert.Equal(Secret, passwords.Reveal(stored.SmtpPasswordProtected!));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_mailbox_without_its_essentials_is_refused_with_a_message_per_field(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));

        var response = await admin.PostAsJsonAsync("/api/mailboxes", new
        {
            address = "service@example.test",
            displayName = "Service",
            activityId = 999_999,
            imapHost = "imap.example.test",
            imapPort = 993,
            imapUser = "service",
            smtpHost = "smtp.example.test",
            smtpPort = 587,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("activité", errors.GetProperty("ActivityId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("mot de passe IMAP", errors.GetProperty("ImapPassword")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Only_administrators_reach_mailboxes(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/api/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsync("/api/mailboxes/1/disable", null)).StatusCode);
    }
}
