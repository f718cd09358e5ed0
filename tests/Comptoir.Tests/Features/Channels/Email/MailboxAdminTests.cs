using System.Globalization;
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
        Assert.DoesNotContain(Secret, await admin.GetStringAsync($"/app/admin/boites-mail/{id}"), StringComparison.Ordinal);
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
    public async Task The_mailbox_pages_say_what_to_fix_then_add_edit_keeping_the_password_and_disable_a_mailbox(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var activity = await host.QueryAsync(c => c.Activities.Where(a => a.Code == "CONSUMER").Select(a => a.Id).SingleAsync());
        var address = MailServer.NewAddress("consommateurs", "comptoir.test");
        var fields = new Dictionary<string, string>
        {
            ["Form.Address"] = address,
            ["Form.DisplayName"] = "Service consommateurs",
            ["Form.ActivityId"] = activity.ToString(CultureInfo.InvariantCulture),
            ["Form.ImapHost"] = "imap.example.test",
            ["Form.ImapPort"] = "993",
            ["Form.ImapSecurity"] = "SslOnConnect",
            ["Form.ImapUser"] = address,
            ["Form.ImapPassword"] = Secret,
            ["Form.SmtpHost"] = "smtp.example.test",
            ["Form.SmtpPort"] = "587",
            ["Form.SmtpSecurity"] = "StartTls",
            ["Form.Enabled"] = "true",
        };

        var incomplete = await PostFormAsync(admin, "/app/admin/boites-mail/nouvelle", new Dictionary<string, string>(fields) { ["Form.Address"] = "", ["Form.ImapPassword"] = "" });
        var added = await PostFormAsync(admin, "/app/admin/boites-mail/nouvelle", fields);
        var id = await host.QueryAsync(c => c.Mailboxes.Where(m => m.Address == address).Select(m => m.Id).SingleAsync());
        fields["Form.DisplayName"] = "Service consommateurs France";
        fields["Form.ImapPassword"] = "";
        var edited = await PostFormAsync(admin, $"/app/admin/boites-mail/{id}", fields);
        var list = await admin.GetStringAsync("/app/admin/boites-mail");
        var disabled = await PostFormAsync(admin, $"/app/admin/boites-mail?handler=disable&id={id}", [], formPage: "/app/admin/boites-mail");
        var stored = await host.QueryAsync(c => c.Mailboxes.SingleAsync(m => m.Id == id));

        var problems = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("Saisissez l'adresse e-mail de la boîte.", problems, StringComparison.Ordinal);
        Assert.Contains("Saisissez le mot de passe IMAP.", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains(address, list, StringComparison.Ordinal);
        Assert.Equal("Service consommateurs France", stored.DisplayName);
        Assert.Equal(Secret, host.Services.GetRequiredService<MailboxPasswords>().Reveal(stored.ImapPasswordProtected));
        Assert.False(stored.Enabled);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Only_administrators_reach_mailboxes_and_the_quarantine(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/api/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsync("/api/mailboxes/1/disable", null)).StatusCode);
        foreach (var page in new[] { "/app/admin/boites-mail", "/app/admin/boites-mail/nouvelle", "/app/admin/quarantaine" })
        {
            var response = await advisor.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var form = await client.GetStringAsync(formPage ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));
    }
}
