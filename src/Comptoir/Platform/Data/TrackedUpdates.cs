using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Comptoir.Platform.Data;

/// <summary>The changes of tracked entities, written as statements of a batch rather than by <c>SaveChanges</c>.</summary>
public static class TrackedUpdates
{
    /// <summary>
    /// The UPDATE statements that <c>SaveChanges</c> would run for the tracked entities in the Modified state
    /// (their changed columns only, by primary key), so that they go in the same batch as other writes
    /// (<see cref="BulkInsert.InsertAsync"/>). Once that batch has run, <see cref="Accept"/> marks the entities
    /// saved. Call <c>ChangeTracker.DetectChanges</c> first when automatic detection is off.
    /// </summary>
    public static IReadOnlyList<(SqlStatement Statement, EntityEntry Entry)> PendingUpdates(this ComptoirDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var updates = new List<(SqlStatement, EntityEntry)>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            var table = entry.Metadata.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entry.Metadata.GetSchema());
            var changed = entry.Properties.Where(p => p.IsModified).ToList();
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            var parameters = new List<object?>();
            string Placeholder(PropertyEntry property)
            {
                var value = property.CurrentValue;
                var converter = property.Metadata.GetTypeMapping().Converter;
                parameters.Add(value is not null && converter is not null ? converter.ConvertToProvider(value) : value);
                return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
            }

            var set = string.Join(", ", changed.Select(p => $"{sql.DelimitIdentifier(p.Metadata.GetColumnName(store)!)} = {Placeholder(p)}"));
            var where = string.Join(" AND ", key.Select(k => $"{sql.DelimitIdentifier(k.GetColumnName(store)!)} = {Placeholder(entry.Property(k.Name))}"));
            updates.Add((new SqlStatement($"UPDATE {sql.DelimitIdentifier(table)} SET {set} WHERE {where}", parameters), entry));
        }

        return updates;
    }

    /// <summary>Marks the entities of <see cref="PendingUpdates"/> saved, once their statements have run.</summary>
    public static void Accept(IEnumerable<(SqlStatement Statement, EntityEntry Entry)> updates)
    {
        foreach (var (_, entry) in updates)
        {
            // As after SaveChanges: what was written becomes the original values, so nothing is detected again.
            entry.OriginalValues.SetValues(entry.CurrentValues);
            entry.State = EntityState.Unchanged;
        }
    }
}
