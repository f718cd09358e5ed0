using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Causes;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Causes;

/// <summary>Every contact gets a cause on arrival; advisors confirm or correct it at the close, and that teaches the model.</summary>
public sealed class CauseClassificationTests(CauseHosts hosts) : IClassFixture<CauseHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_contact_arrives_with_its_predicted_cause_the_model_version_and_is_counted_in_its_hour(Db db)
    {
        var host = await hosts.GetAsync(db);
        var threeDs = await CauseAsync(host, "payment.3ds");
        var version = await host.QueryAsync(c => c.CauseModels.MaxAsync(m => m.Id));
        var before = await CountAsync(host, CauseScope.Group, 0, threeDs);

        var contact = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", "Mon paiement est refusé à la validation 3-D Secure, je ne reçois jamais le code de ma banque.");
        var conversation = await host.ConversationAsync(contact.ConversationId);

        Assert.Equal(threeDs, conversation.CauseId);
        Assert.Equal(version, conversation.CauseModelVersionId);
        Assert.Equal(CauseState.Predicted, conversation.CauseState);
        Assert.InRange(conversation.CauseConfidence!.Value, 0.5, 1.0);
        Assert.Equal(before + 1, await CountAsync(host, CauseScope.Group, 0, threeDs));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_unsure_cause_must_be_chosen_at_the_close_and_the_choice_moves_the_counts_and_becomes_a_training_example(Db db)
    {
        var host = await hosts.GetAsync(db);
        var store = await host.StoreAsync("H001");
        var contact = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", "Les fraises achetées hier étaient moisies dès le lendemain.", storeId: store);
        var predicted = (await host.ConversationAsync(contact.ConversationId)).CauseId!.Value;
        var chosen = await CauseAsync(host, "store.quality.expired");
        Assert.NotEqual(predicted, chosen);
        // As if the model had been unsure of it.
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == contact.ConversationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CauseState, CauseState.ToReview)));
        var storeBefore = (Predicted: await CountAsync(host, CauseScope.Store, store, predicted), Chosen: await CountAsync(host, CauseScope.Store, store, chosen));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        var withoutCause = await advisor.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/close", new { reason = "Résolu" });
        var unknownCause = await advisor.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/close", new { reason = "Résolu", causeId = 999_999 });
        var closed = await advisor.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/close", new { reason = "Résolu", causeId = chosen });
        var conversation = await host.ConversationAsync(contact.ConversationId);
        var example = await host.QueryAsync(c => c.CauseExamples.SingleAsync(e => e.ConversationId == contact.ConversationId));

        Assert.Equal(HttpStatusCode.BadRequest, withoutCause.StatusCode);
        Assert.Contains("Choisissez la cause", await withoutCause.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCause.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal((chosen, CauseState.Corrected), (conversation.CauseId, conversation.CauseState));
        Assert.Equal(storeBefore.Predicted - 1, await CountAsync(host, CauseScope.Store, store, predicted));
        Assert.Equal(storeBefore.Chosen + 1, await CountAsync(host, CauseScope.Store, store, chosen));
        Assert.Equal((chosen, CauseExampleSource.Corrected), (example.CauseId, example.Source));
        Assert.Contains("fraises", example.Text, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Confirming_at_the_close_keeps_the_cause_and_an_administrator_retrains_on_every_label(Db db)
    {
        var host = await hosts.GetAsync(db);
        var contact = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "La pompe 4 de la station ne délivre rien après paiement, l'automate a gardé ma carte.");
        var predicted = (await host.ConversationAsync(contact.ConversationId)).CauseId!.Value;
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.dakar"));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var versionBefore = await host.QueryAsync(c => c.CauseModels.MaxAsync(m => m.Id));

        var closed = await advisor.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/close", new { reason = "Résolu", causeId = predicted });
        var refused = await advisor.PostAsync("/api/causes/model", null);
        var trained = await admin.PostAsync("/api/causes/model", null);
        var body = await trained.Content.ReadFromJsonAsync<TrainCauseModel.Response>();
        var examples = await host.QueryAsync(c => c.CauseExamples.CountAsync());

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(CauseState.Confirmed, (await host.ConversationAsync(contact.ConversationId)).CauseState);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.True(body!.Version > versionBefore);
        Assert.Equal(examples, body.Examples);
        Assert.NotNull(body.HeldOutAccuracy);
        var next = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "J'ai été débité deux fois à la pompe 7 pour un seul plein.");
        Assert.Equal(body.Version, (await host.ConversationAsync(next.ConversationId)).CauseModelVersionId);
    }

    private static Task<int> CauseAsync(ComptoirHost host, string code) =>
        host.QueryAsync(c => c.Causes.Where(x => x.Code == code).Select(x => x.Id).SingleAsync());

    private static Task<int> CountAsync(ComptoirHost host, CauseScope scope, int scopeId, int causeId) =>
        host.QueryAsync(c => c.CauseCounts.Where(x => x.Scope == scope && x.ScopeId == scopeId && x.CauseId == causeId).SumAsync(x => x.Count));
}
