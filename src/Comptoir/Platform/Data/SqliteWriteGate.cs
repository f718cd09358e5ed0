using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Comptoir.Platform.Data;

/// <summary>
/// SQLite takes one writer at a time. Left to itself, a second writer gets SQLITE_BUSY and retries after
/// sleeping (tens of milliseconds at a time), which turns a 1 ms wait into a 100 ms one under load. This gate
/// queues the writers of this process in memory instead: a write transaction, or a write statement outside
/// one, waits for the gate and releases it the moment it ends. Readers never wait (WAL).
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();

    public void Dispose() => _gate.Dispose();

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Acquire(eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await AcquireAsync(eventData.ConnectionId, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A write statement outside a transaction (EF's single-statement saves, ExecuteUpdate) holds the gate
    // until it has run, or until its reader (INSERT ... RETURNING) is done.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Acquire(eventData.ConnectionId);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await AcquireAsync(eventData.ConnectionId, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseLoneWrite(command, eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Acquire(eventData.ConnectionId);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            await AcquireAsync(eventData.ConnectionId, cancellationToken);
        }

        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseLoneWrite(command, eventData.ConnectionId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseLoneWrite(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception) releases when its connection closes,
    // whoever closes it: EF Core's Close, the disposal of a connection the code opened itself and never closed
    // (EF disposes it without closing it first), or the reset of a pooled context given back, which closes the
    // connection without any interceptor event. Without this the gate would stay taken for good and every later
    // writer of the process would wait forever. A pooled context keeps its connection, and its connection id,
    // for its whole life, so the handler is added once.
    public DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        var connection = eventData.ConnectionId;
        result.StateChange += (_, change) =>
        {
            if (change.CurrentState == System.Data.ConnectionState.Closed)
            {
                Release(connection);
            }
        };
        return result;
    }

    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private void ReleaseLoneWrite(DbCommand command, Guid connection)
    {
        if (command.Transaction is null)
        {
            Release(connection);
        }
    }

    private void Acquire(Guid connection)
    {
        if (!_holders.ContainsKey(connection))
        {
            _gate.Wait();
            _holders[connection] = true;
        }
    }

    private async Task AcquireAsync(Guid connection, CancellationToken cancellationToken)
    {
        if (!_holders.ContainsKey(connection))
        {
            await _gate.WaitAsync(cancellationToken);
            _holders[connection] = true;
        }
    }

    private void Release(Guid connection)
    {
        if (_holders.TryRemove(connection, out _))
        {
            _gate.Release();
        }
    }
}
