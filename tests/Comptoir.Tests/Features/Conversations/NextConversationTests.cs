using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Comptoir.Tests.Features.Conversations;

/// <summary>"Next conversation": the most urgent item an advisor is entitled to, never given twice, and the plans that read it.</summary>
public sealed class NextConversationTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Next_conversation_gives_the_most_urgent_waiting_item_and_never_the_same_to_two_advisors(Db db)
    {
        var host = await hosts.GetAsync(db);
        await host.DrainAsync("FUEL");
        var early = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "Pompe 3 en panne depuis ce matin, personne à l'accueil.");
        var late = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "Le prix affiché n'est pas celui payé.");
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == late.ConversationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Priority, 1)));
        using var first = await host.SignInAsync(StaffSession.Demo("conseiller.dakar"));
        using var second = await host.SignInAsync(StaffSession.Demo("conseiller2.dakar"));

        var before = DateTimeOffset.UtcNow;
        var taken = await Task.WhenAll(first.PostAsync("/api/conversations/next", null), second.PostAsync("/api/conversations/next", null));
        var ids = await Task.WhenAll(taken.Select(async r => (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetInt64()));

        Assert.All(taken, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([early.ConversationId, late.ConversationId], ids.Order());
        Assert.NotEqual(ids[0], ids[1]);
        var priorityFirst = await host.ConversationAsync(late.ConversationId);
        Assert.Equal(ConversationStatus.Open, priorityFirst.Status);
        Assert.Equal(await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => (int?)s.Id).SingleAsync()), priorityFirst.AssignedSiteId);
        Assert.InRange(priorityFirst.AssignedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(1, await host.QueryAsync(c => c.Conversations.CountAsync(x => x.Id == late.ConversationId && x.AssignedAt >= before.AddSeconds(-1))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Items_without_a_deadline_come_after_those_with_one_of_the_same_priority_on_both_databases(Db db)
    {
        var host = await hosts.GetAsync(db);
        await host.DrainAsync(null);
        // More items without a first-response deadline than a queue offers at once (SQLite puts missing values first in its index).
        var undated = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            undated.Add((await host.EmailAsync(Contacts.NewEmail(), "FUEL", $"Question sur la carte carburant {i + 1}.")).ConversationId);
        }

        var dated = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "Pompe 2 en panne depuis ce matin.");
        await host.QueryAsync(c => c.Conversations.Where(x => undated.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.FirstResponseDueAt, (DateTimeOffset?)null)));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.dakar"));

        var taken = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var response = await advisor.PostAsync("/api/conversations/next", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            taken.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetInt64());
        }

        // The dated item first, then the oldest undated one.
        Assert.Equal([dated.ConversationId, undated[0]], taken);
    }

    [Fact]
    public async Task An_advisor_whose_first_offers_are_being_claimed_by_others_gets_the_next_waiting_item()
    {
        var host = await hosts.GetAsync(Db.PostgreSql);
        await host.DrainAsync(null);
        for (var i = 0; i < 5; i++)
        {
            await host.EmailAsync(Contacts.NewEmail(), "FUEL", $"Pompe {i + 1} en panne depuis ce matin.");
        }

        var inOrder = await host.QueryAsync(c => c.Conversations
            .Where(x => x.Status == ConversationStatus.New && c.Queues.Any(q => q.Id == x.QueueId && q.Code == "FUEL"))
            .OrderByDescending(x => x.Priority).ThenBy(x => x.FirstResponseDueAt).ThenBy(x => x.Id)
            .Select(x => x.Id)
            .ToListAsync());
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.dakar"));

        // Other advisors are claiming the three most urgent at this instant: the first offer is all taken.
        await using var others = new Npgsql.NpgsqlConnection(host.Database.ConnectionString);
        await others.OpenAsync();
        await using var claiming = await others.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("""SELECT "Id" FROM "Conversations" WHERE "Id" = ANY(@ids) FOR UPDATE""", others, claiming))
        {
            command.Parameters.AddWithValue("ids", inOrder.Take(3).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        var response = await advisor.PostAsync("/api/conversations/next", null);
        await claiming.RollbackAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(inOrder[3], (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("conversationId").GetInt64());
        Assert.All(await host.QueryAsync(c => c.Conversations.Where(x => inOrder.Take(3).Contains(x.Id)).Select(x => x.Status).ToListAsync()),
            status => Assert.Equal(ConversationStatus.New, status));
    }

    [Fact]
    public async Task On_PostgreSQL_the_claim_s_generic_plan_looks_the_offered_items_up_by_key_in_a_large_table()
    {
        var host = await hosts.GetAsync(Db.PostgreSql);
        var waiting = await host.EmailAsync(Contacts.NewEmail(), "FUEL", "Pompe 2 en panne depuis ce matin.");
        var queueIds = await host.QueryAsync(c => c.Queues.Select(q => q.Id).ToArrayAsync());

        var plan = await host.QueryAsync(async c =>
        {
            await c.Database.OpenConnectionAsync();
            await using var transaction = await c.Database.BeginTransactionAsync();

            // 20,000 waiting conversations with statistics, rolled back at the end: plans of a large table.
            var columns = await c.Database.SqlQueryRaw<string>(
                    """SELECT string_agg(quote_ident(column_name), ', ') AS "Value" FROM information_schema.columns WHERE table_name = 'Conversations' AND column_name <> 'Id'""")
                .SingleAsync();
            // Built SQL: identifiers quoted by PostgreSQL (quote_ident), ids and the statement's own text; no input.
#pragma warning disable EF1002, EF1003
            await c.Database.ExecuteSqlRawAsync(
                $"""INSERT INTO "Conversations" ({columns}) SELECT {columns} FROM "Conversations", generate_series(1, 20000) WHERE "Id" = {waiting.ConversationId}""");
            await c.Database.ExecuteSqlRawAsync("""ANALYZE "Conversations"; SET LOCAL plan_cache_mode = force_generic_plan""");

            // The plan PostgreSQL keeps for a prepared statement once it no longer plans per execution.
            var numbered = System.Text.RegularExpressions.Regex.Replace(TakeNextConversation.ClaimSql, @"\{(\d)\}", m => "$" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1));
            await c.Database.ExecuteSqlRawAsync("PREPARE claim(integer[], text, boolean, boolean, integer, integer, timestamptz, integer) AS " + numbered);
            var lines = await c.Database.SqlQueryRaw<string>(
                    $"EXPLAIN EXECUTE claim(ARRAY[{string.Join(',', queueIds)}], 'ServiceCentre', false, false, 1, 1, now(), 3)")
                .ToListAsync();
#pragma warning restore EF1002, EF1003
            await c.Database.ExecuteSqlRawAsync("DEALLOCATE claim");
            return string.Join('\n', lines);
        });

        Assert.Contains("Index Cond: (\"Id\" = ANY", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on \"Conversations\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Hash Join", plan, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_queue_s_most_urgent_waiting_items_are_read_in_order_from_the_waiting_index_without_a_sort(Db db)
    {
        var host = await hosts.GetAsync(db);
        var queueIds = await host.QueryAsync(c => c.Queues.Where(q => q.Code == "FUEL" || q.Code == "ECOMMERCE").Select(q => q.Id).ToArrayAsync());

        var claimPlan = "";
        var plans = await host.QueryAsync(async c =>
        {
            var result = new List<string>();
            await c.Database.OpenConnectionAsync();
            await using var transaction = await c.Database.BeginTransactionAsync();
            if (db == Db.PostgreSql)
            {
                // The test database is small: without this the planner may rightly prefer to scan the table.
                await c.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
            }

            foreach (var (voiceFull, writtenFull) in new[] { (false, false), (true, false), (false, true) })
            {
                // SQLite reads each queue with its own query; PostgreSQL reads every queue and claims in one statement.
                await using var command = db == Db.PostgreSql
                    ? c.Database.SqlQueryRaw<TakeNextConversation.ClaimedRow>(
                        TakeNextConversation.ClaimSql, queueIds, "ServiceCentre", voiceFull, writtenFull, 1, 1, DateTimeOffset.UtcNow, 3).CreateDbCommand()
                    : TakeNextConversation.MostUrgent(c, queueIds[0], 3, voiceFull, writtenFull)
                        .Concat(TakeNextConversation.MostUrgent(c, queueIds[0], 3, voiceFull, writtenFull, datedOnly: true)).CreateDbCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = (db == Db.PostgreSql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
                await using var reader = await command.ExecuteReaderAsync();
                var plan = new List<string>();
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(reader.FieldCount - 1));
                }

                result.Add(string.Join('\n', plan));
            }

            if (db == Db.Sqlite)
            {
                // The claim walks the offered ids and looks each conversation up by key.
                await using var claim = c.Database.SqlQueryRaw<long>(TakeNextConversation.SqliteClaimSql, 1, 1, 0L, "Open", "[1,2,3]", "New").CreateDbCommand();
                claim.Transaction = transaction.GetDbTransaction();
                claim.CommandText = "EXPLAIN QUERY PLAN " + claim.CommandText;
                await using var reader = await claim.ExecuteReaderAsync();
                var plan = new List<string>();
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(reader.FieldCount - 1));
                }

                claimPlan = string.Join('\n', plan);
            }

            return result;
        });

        Assert.All(plans, plan =>
        {
            // On PostgreSQL, the part that reads the queues; the claim then sorts only the few items offered. On
            // SQLite, a queue's items, and its items with a deadline (read too when some have none).
            var read = db == Db.PostgreSql ? plan[..plan.IndexOf("CTE claimed", StringComparison.Ordinal)] : plan;
            Assert.Contains("IX_Conversations_Waiting", read, StringComparison.Ordinal);
            Assert.DoesNotContain(db == Db.PostgreSql ? "Sort" : "TEMP B-TREE", read, StringComparison.Ordinal);
        });
        if (db == Db.Sqlite)
        {
            Assert.Contains("SEARCH c USING INTEGER PRIMARY KEY", claimPlan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN c", claimPlan, StringComparison.Ordinal);
        }
    }
}
