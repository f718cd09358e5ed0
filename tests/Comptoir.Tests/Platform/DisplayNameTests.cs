using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Platform.Text;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Platform;

/// <summary>
/// Names are stored without the invisible characters that would make them read differently from what they
/// are: bidirectional controls (a right-to-left override shows "gpj.exe" as "exe.jpg"), zero-width and
/// control characters.
/// </summary>
public sealed class DisplayNameTests(Hosts hosts)
{
    // Every bidirectional control, a zero-width space, a byte-order mark, a soft hyphen, a bell and a line break.
    private const string Disguised = "\u202EJean\u202A\u202B\u202C\u202D \u2066Du\u200Bpont\u2067\u2068\u2069\u200E\u200F\u061C\uFEFF\u00AD\u0007\nfils\u202C";

    [Fact]
    public void Bidirectional_controls_and_invisible_characters_are_removed_and_line_breaks_become_spaces()
    {
        Assert.Equal("Jean Dupont fils", DisplayNames.Clean(Disguised));
        Assert.Equal("Jean Dupont", DisplayNames.Clean("  Jean \t\u2028 Dupont  "));
        Assert.Null(DisplayNames.Clean("\u202E\u200B\u200D \u0000"));
        Assert.Null(DisplayNames.Clean(null));
    }

    [Fact]
    public void Letters_accents_and_the_joiners_that_scripts_and_emoji_need_are_kept()
    {
        // Persian "Mehrdad" spelled with a zero-width non-joiner, a family emoji joined by zero-width joiners.
        Assert.Equal("Ζωή Éloïse-Ñúñez محمد\u200Cرضا 👨\u200D👩\u200D👧", DisplayNames.Clean("Ζωή Éloïse-Ñúñez محمد\u200Cرضا 👨\u200D👩\u200D👧"));
        Assert.Equal("Éloïse", DisplayNames.Clean("E\u0301loi\u0308se"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_customer_name_sent_through_the_SMS_webhook_is_stored_without_invisible_characters(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await client.PostSignedAsync("/api/channels/sms", new
        {
            id = Guid.NewGuid().ToString(),
            from = "0" + Contacts.NewMobile()[3..],
            to = "36000",
            name = Disguised,
            text = "Bonjour, ma commande drive n'est pas prête.",
            activity = "ECOMMERCE",
        });
        var conversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetInt64();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await host.ConversationAsync(conversationId);
        var name = await host.QueryAsync(c => c.Customers.Where(x => x.Id == conversation.CustomerId).Select(x => x.DisplayName).SingleAsync());
        Assert.Equal("Jean Dupont fils", name);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_staff_member_is_opened_with_a_clean_name_and_a_name_of_invisible_characters_only_is_refused(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var dakar = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => s.Id).SingleAsync());
        var email = $"jean.dupont.{Guid.NewGuid():N}@example.test";
        var invisible = $"invisible.{Guid.NewGuid():N}@example.test";

        var created = await admin.PostAsJsonAsync("/api/staff", new { displayName = Disguised, email, role = "Advisor", siteId = dakar, password = "Nouveau-compte-2026" });
        var refused = await admin.PostAsJsonAsync("/api/staff", new { displayName = "\u202E\u200B\u2066", email = invisible, role = "Advisor", siteId = dakar, password = "Nouveau-compte-2026" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Jean Dupont fils", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        Assert.Equal("Jean Dupont fils", await host.QueryAsync(c => c.Staff.Where(s => s.Email == email).Select(s => s.DisplayName).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("DisplayName", out _), errors.ToString());
        Assert.False(await host.QueryAsync(c => c.Staff.AnyAsync(s => s.Email == invisible)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_mailbox_sender_name_that_customers_read_is_stored_without_invisible_characters(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var activity = await host.QueryAsync(c => c.Activities.Where(a => a.Code == "FUEL").Select(a => a.Id).SingleAsync());
        var address = MailServer.NewAddress("carburant", "comptoir.test");

        var created = await admin.PostAsJsonAsync("/api/mailboxes", new
        {
            address,
            displayName = "Station\u202E Évry\u2069",
            activityId = activity,
            imapHost = "imap.example.test",
            imapPort = 993,
            imapSecurity = "SslOnConnect",
            imapUser = address,
            imapPassword = "Secret-de-test-2026",
            smtpHost = "smtp.example.test",
            smtpPort = 587,
            smtpSecurity = "StartTls",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Station Évry", await host.QueryAsync(c => c.Mailboxes.Where(m => m.Address == address).Select(m => m.DisplayName).SingleAsync()));
    }
}
