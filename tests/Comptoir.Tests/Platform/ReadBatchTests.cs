using Comptoir.Features.Conversations;
using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Platform;

/// <summary>Rows read by hand for the ingestion's lookups (<see cref="ReadBatch"/>, <see cref="EntityLayout"/>) are the entities EF reads.</summary>
public sealed class ReadBatchTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Entities_read_in_one_batch_hold_every_value_EF_reads_and_each_query_gets_its_own_rows(Db db)
    {
        var host = await hosts.GetAsync(db);
        var first = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", "Livraison en retard, commande 612345678.");
        var second = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "Pompe 3 en panne.");
        // Values of every kind: an instant, a nullable instant, an enum, a nullable number, text.
        var closedAt = new DateTimeOffset(2026, 3, 29, 0, 30, 15, 123, TimeSpan.Zero);
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == second.ConversationId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, ConversationStatus.Closed).SetProperty(x => x.ClosedAt, closedAt).SetProperty(x => x.CloseReason, "Résolu")));
        // A property whose setter is private.
        await host.QueryAsync(c => c.Customers.Where(x => x.Id == first.CustomerId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DisplayName, "Élodie Martin").SetProperty(x => x.SearchKey, SearchKey.Normalize("Élodie Martin"))));
        long[] ids = [first.ConversationId, second.ConversationId];

        var expected = await host.QueryAsync(c => c.Conversations.AsNoTracking().Where(x => ids.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync());
        var expectedCustomer = await host.QueryAsync(c => c.Customers.AsNoTracking().SingleAsync(x => x.Id == first.CustomerId));
        var (conversations, customers, count) = await host.QueryAsync(async c =>
        {
            var conversationLayout = EntityLayout.Of<Conversation>(c);
            var customerLayout = EntityLayout.Of<Customer>(c);
            var read = (Conversations: new List<Conversation>(), Customers: new List<Customer>(), Count: 0L);
            var batch = new ReadBatch(c);
            batch.Add(
                new SqlStatement($"SELECT {conversationLayout.Select("c")} FROM \"Conversations\" AS c WHERE {batch.In("c.\"Id\"", 0)} ORDER BY c.\"Id\"", [batch.List(ids)]),
                row => read.Conversations.Add(conversationLayout.Materialize<Conversation>(row, 0)));
            batch.Add(new SqlStatement("SELECT COUNT(*) FROM \"Conversations\" WHERE \"Id\" = {0}", [first.ConversationId]), row => read.Count = row.GetInt64(0));
            batch.Add(
                new SqlStatement($"SELECT {customerLayout.Select("k")} FROM \"Customers\" AS k WHERE k.\"Id\" = {{0}}", [first.CustomerId]),
                row => read.Customers.Add(customerLayout.Materialize<Customer>(row, 0)));
            await batch.ExecuteAsync(TestContext.Current.CancellationToken);
            return read;
        });

        Assert.Equal(2, conversations.Count);
        Assert.Equal(1, count);
        Assert.Equal(closedAt, conversations[1].ClosedAt);
        Assert.Equal(ConversationStatus.Closed, conversations[1].Status);
        Assert.NotNull(conversations[0].FirstResponseDueAt);
        await host.QueryAsync(c =>
        {
            // Every mapped property, compared as EF itself reads it.
            foreach (var property in c.Model.FindEntityType(typeof(Conversation))!.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(property.GetGetter().GetClrValue(expected[i]), property.GetGetter().GetClrValue(conversations[i]));
                }
            }

            foreach (var property in c.Model.FindEntityType(typeof(Customer))!.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                Assert.Equal(property.GetGetter().GetClrValue(expectedCustomer), property.GetGetter().GetClrValue(Assert.Single(customers)));
            }

            return Task.FromResult(0);
        });
        Assert.Equal("elodie martin", Assert.Single(customers).SearchKey);
    }
}
