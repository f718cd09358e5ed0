using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Platform;

/// <summary>Contact tables that grow fast get fresh statistics before autovacuum's next look.</summary>
public sealed class GrowingTablesTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Tables_that_doubled_since_their_statistics_are_analysed_as_contacts_come_in(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database);
        var growing = host.Services.GetRequiredService<GrowingTables>();

        await IngestAsync(host, GrowingTables.CheckEvery + 200);
        await growing.LastCheck.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        if (db == Db.Sqlite)
        {
            Assert.Same(Task.CompletedTask, growing.LastCheck);
            Assert.Equal(0, growing.Analysed);
            return;
        }

        var customers = await AnalysedRowsAsync(host, "Customers");
        Assert.True(growing.Analysed >= 3, $"{growing.Analysed} tables analysed");
        Assert.True(Assert.Single(customers) >= GrowingTables.CheckEvery, $"statistics say {customers[0]} customers");
    }

    [Fact]
    public async Task Nothing_is_analysed_when_switched_off()
    {
        await using var database = await TestDatabase.CreateAsync(Db.PostgreSql);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["Database:AnalyseGrowingTables"] = "false" });
        var growing = host.Services.GetRequiredService<GrowingTables>();

        await IngestAsync(host, GrowingTables.CheckEvery + 200);
        await growing.LastCheck;

        Assert.Equal(0, growing.Analysed);
        Assert.Empty(await AnalysedRowsAsync(host, "Customers"));
    }

    private static async Task IngestAsync(ComptoirHost host, int count)
    {
        var activity = await host.ActivityAsync("ECOMMERCE");
        var contacts = Enumerable.Range(0, count).Select(_ =>
        {
            var email = Contacts.NewEmail();
            return new InboundContact
            {
                Channel = Channel.Email,
                ExternalId = $"<{Guid.NewGuid():N}@example.test>",
                At = DateTimeOffset.UtcNow,
                ActivityId = activity,
                Subject = "Ma commande",
                Body = "Bonjour, ma commande n'est pas arrivée.",
                From = email,
                Identities = [(IdentityKind.Email, email)],
            };
        }).ToList();
        await host.Services.GetRequiredService<ContactIntake>().SubmitAsync(contacts, TestContext.Current.CancellationToken);
    }

    /// <summary>The rows PostgreSQL's statistics give a table, if it was analysed by a statement (not by autovacuum).</summary>
    private static Task<List<float>> AnalysedRowsAsync(ComptoirHost host, string table) =>
        host.QueryAsync(c => c.Database.SqlQuery<float>(
            $"SELECT c.reltuples AS \"Value\" FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = {table} AND s.last_analyze IS NOT NULL").ToListAsync());
}
