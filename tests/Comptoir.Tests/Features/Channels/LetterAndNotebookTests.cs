using System.Net;
using System.Net.Http.Headers;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Channels;

public sealed class LetterAndNotebookTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_records_a_letter_with_its_scan_and_it_waits_in_its_queue(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller2.saint-etienne"));
        var form = await advisor.GetStringAsync("/app/courrier/nouveau");
        var email = Contacts.NewEmail("lettre");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("Jeanne Martin"), "Form.SenderName" },
            { new StringContent("3 rue des Écoles\n42000 Saint-Étienne"), "Form.PostalAddress" },
            { new StringContent(email), "Form.Email" },
            { new StringContent("CONSUMER"), "Form.Activity" },
            { new StringContent("Madame, Monsieur, le paquet de biscuits acheté le 3 octobre contenait un corps étranger."), "Form.Text" },
        };
        var scan = new ByteArrayContent("%PDF-1.4 scan"u8.ToArray());
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "Form.Scan", "lettre.pdf");

        var response = await advisor.PostAsync("/app/courrier/nouveau", content);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var conversation = await host.ConversationAsync(id);
        var attachment = await host.QueryAsync(c => c.Attachments.SingleAsync(a => c.Messages.Any(m => m.Id == a.MessageId && m.ConversationId == id)));
        var download = await advisor.GetAsync($"/app/pieces-jointes/{attachment.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Channel.Letter, conversation.Channel);
        Assert.Equal(ConversationStatus.New, conversation.Status);
        Assert.Equal(await host.QueueAsync("CONSUMER"), conversation.QueueId);
        Assert.Equal("lettre.pdf", attachment.FileName);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(conversation.Messages, m => m.Body.Contains("42000 Saint-Étienne", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Store_staff_write_a_customers_words_in_the_checkout_notebook_and_the_department_sees_them(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var cashier = await host.SignInAsync(StaffSession.Demo("caisses.h001"));
        var form = await cashier.GetStringAsync("/carnet");
        var fruit = await host.QueryAsync(c => c.Departments.Where(d => d.Code == "FRUIT_VEG").Select(d => d.Id).SingleAsync());
        var words = "Les bananes n'étaient pas mûres " + Guid.NewGuid().ToString("N")[..6];

        var response = await cashier.PostAsync("/carnet", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
            ["Form.SubmissionId"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Form.SubmissionId\" value=\"([0-9a-f]+)\"").Groups[1].Value,
            ["Form.Words"] = words,
            ["Form.DepartmentId"] = fruit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Checkout"] = "12",
        }));
        var conversation = await host.QueryAsync(c => c.Conversations.SingleAsync(x => x.Messages.Any(m => m.Body == words)));
        using var fruitManager = await host.SignInAsync(StaffSession.Demo("fruits-legumes.h001"));
        using var otherStore = await host.SignInAsync(StaffSession.Demo("fruits-legumes.h020"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Channel.CheckoutNotebook, conversation.Channel);
        Assert.Equal(ConversationOwner.Store, conversation.Owner);
        Assert.Equal(fruit, conversation.DepartmentId);
        Assert.Equal("Carnet de caisse · caisse 12", conversation.Subject);
        Assert.Equal(HttpStatusCode.OK, (await fruitManager.GetAsync($"/api/conversations/{conversation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStore.GetAsync($"/api/conversations/{conversation.Id}")).StatusCode);
    }
}
