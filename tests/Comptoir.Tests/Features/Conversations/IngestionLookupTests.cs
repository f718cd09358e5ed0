using System.Data.Common;
using System.Globalization;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Comptoir.Tests.Features.Conversations;

/// <summary>The lookups every ingestion batch makes, read in one round trip: each must find its rows through an index.</summary>
public sealed class IngestionLookupTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_lookup_of_a_batch_reads_its_tables_through_an_index_even_with_a_generic_plan(Db db)
    {
        var host = await hosts.GetAsync(db);
        var now = DateTimeOffset.UtcNow;
        InboundContact[] contacts =
        [
            new() { Channel = Channel.Email, ExternalId = "<a@example.com>", At = now, ActivityId = 1, Body = "Ma commande n'est pas arrivée.", InReplyTo = "<ours@comptoir>", References = ["<first@example.com>"], ReplyTo = "client@example.com" },
            new() { Channel = Channel.Social, ExternalId = "fb-1", At = now, ActivityId = 1, Body = "Toujours rien.", ThreadKey = "thread-1" },
            new() { Channel = Channel.Sms, ExternalId = "sms-1", At = now, ActivityId = 1, Body = "Carte refusée en caisse.", ReplyTo = "+33611000001" },
        ];
        (InboundContact, List<string>, string?)[] identities =
            [(contacts[0], ["client@example.com"], "client@example.com"), (contacts[1], ["fb:123"], "fb:123"), (contacts[2], ["+33611000001"], "+33611000001")];

        var plans = await host.QueryAsync(async c =>
        {
            var (_, batch) = KnownContacts.Prepare(c, new IngestionOptions(), contacts, identities, ["client@example.com", "+33611000001"], now);
            var result = new List<string>();
            await c.Database.OpenConnectionAsync();
            await using var transaction = await c.Database.BeginTransactionAsync();
            if (db == Db.PostgreSql)
            {
                // As on the ingestion writers' connections; and the test database is small, where a scan would rightly win.
                await c.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off");
            }

            foreach (var statement in batch.Statements)
            {
                // PostgreSQL: a generic plan of the statement prepared as the writers prepare it, run with literal values.
                await using var command = statement.ToCommand(c.Database.GetDbConnection(), transaction.GetDbTransaction(), "EXPLAIN QUERY PLAN ");
                if (db == Db.PostgreSql)
                {
                    command.Parameters.Clear();
                    command.CommandText = $"PREPARE lookup AS {statement.Format(i => "$" + (i + 1).ToString(CultureInfo.InvariantCulture))}";
                    await command.ExecuteNonQueryAsync();
                    command.CommandText = $"EXPLAIN EXECUTE lookup({string.Join(", ", statement.Parameters.Select(Literal))})";
                }

                result.Add(await ReadPlanAsync(command));
                if (db == Db.PostgreSql)
                {
                    command.CommandText = "DEALLOCATE lookup";
                    command.Parameters.Clear();
                    await command.ExecuteNonQueryAsync();
                }
            }

            return result;
        });

        // Duplicates, identities, e-mail references, threads, recent conversations of the senders, reply budget.
        string[] keys = db == Db.PostgreSql
            ? ["(\"ExternalId\")::text = ANY ($1)", "(\"Value\")::text = ANY ($1)", "(\"ExternalId\")::text = ANY ($1)", "(\"ThreadKey\")::text = ANY ($1)", "(\"ContactIdentity\")::text = ANY ($1)", "(\"To\")::text = ANY ($1)"]
            : ["IX_Messages_ExternalId_Channel (ExternalId=?)", "IX_CustomerIdentities_Value_Kind (Value=?)", "IX_Messages_ExternalId_Channel (ExternalId=? AND Channel=?)",
               "IX_Conversations_ThreadKey (ThreadKey=?)", "IX_Conversations_ContactIdentity_LastActivityAt (ContactIdentity=?", "IX_Messages_AutomaticByRecipient (To=?"];
        Assert.Equal(keys.Length, plans.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Contains(keys[i], plans[i], StringComparison.Ordinal);
            if (db == Db.PostgreSql)
            {
                Assert.DoesNotContain("Seq Scan", plans[i], StringComparison.Ordinal);
            }
            else
            {
                // SQLite scans only the list of keys.
                Assert.All(plans[i].Split('\n').Where(line => line.StartsWith("SCAN", StringComparison.Ordinal)), line => Assert.StartsWith("SCAN json_each", line, StringComparison.Ordinal));
            }
        }

        // Each conversation read is then found by its key.
        Assert.Contains(db == Db.PostgreSql ? "Index Cond: (\"Id\" = ANY" : "SEARCH c USING INTEGER PRIMARY KEY", plans[3], StringComparison.Ordinal);
    }

    private static async Task<string> ReadPlanAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A parameter written as a PostgreSQL literal, for EXECUTE.</summary>
    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        string[] texts => "ARRAY[" + string.Join(", ", texts.Select(Literal)) + "]::text[]",
        DateTimeOffset instant => "'" + instant.ToString("O", CultureInfo.InvariantCulture) + "'::timestamptz",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No literal for {value.GetType().Name}.", nameof(value)),
    };
}
