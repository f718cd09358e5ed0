using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Platform;

/// <summary>Ids reserved with a batch's lookups: the batch keeps what it uses, the next one gets the rest first.</summary>
public sealed class IdReservoirTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_batch_takes_the_ids_it_uses_and_the_next_batch_gets_the_surplus_before_asking_the_sequence(Db db)
    {
        var host = await hosts.GetAsync(db);
        var reservoir = new IdReservoir();
        var (first, second, statements) = await host.QueryAsync(async c =>
        {
            await c.Database.OpenConnectionAsync();
            await using var transaction = await c.Database.BeginTransactionAsync();
            var cancellation = TestContext.Current.CancellationToken;

            var batch = new ReadBatch(c);
            var reservation = reservoir.Reserve(c, batch, [(typeof(Customer), 5), (typeof(CustomerIdentity), 0)]);
            var asked = batch.Statements.Count();
            await batch.ExecuteAsync(cancellation);
            var taken = await reservation.TakeAsync([2, 0], cancellation);

            batch = new ReadBatch(c);
            reservation = reservoir.Reserve(c, batch, [(typeof(Customer), 3), (typeof(CustomerIdentity), 0)]);
            asked += batch.Statements.Count();
            await batch.ExecuteAsync(cancellation);
            var next = await reservation.TakeAsync([3, 0], cancellation);
            return (taken[0], next[0], asked);
        });

        Assert.Equal(2, first.Length);
        Assert.Equal(3, second.Length);
        if (db == Db.PostgreSql)
        {
            // Five reserved from the sequence by the first batch: the second needed no query.
            Assert.Equal(1, statements);
            Assert.Equal([first[1] + 1, first[1] + 2, first[1] + 3], second);
            var next = await host.QueryAsync(c => c.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"Customers\"', 'Id')) AS \"Value\"").SingleAsync());
            Assert.True(next > second[2]);
        }
        else
        {
            // SQLite allocates after the largest id, inside the write transaction, with no reservation: nothing was
            // written in between, so the second batch starts where the first did.
            Assert.Equal(0, statements);
            Assert.Equal([first[0], first[0] + 1], first);
            Assert.Equal([first[0], first[0] + 1, first[0] + 2], second);
        }
    }
}
