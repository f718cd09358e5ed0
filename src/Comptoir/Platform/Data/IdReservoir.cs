using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Data;

/// <summary>
/// Ids for a batch's new rows, asked for with the batch's lookups rather than in a round trip of their own
/// (decision 15). How many rows a batch will add is known only once its lookups are read (a contact from a
/// known customer adds no customer), so on PostgreSQL the batch reserves as many ids as it could need, from each
/// table's own sequence, and gives back what it did not use; the next batch takes those first. Ids stay unique
/// (a sequence hands out each value once) and, within one process, increasing; at most one batch's surplus is
/// lost when the process stops, as with any sequence cache. On SQLite, which has no round trips, ids are still
/// allocated after the lookups, inside the write transaction (<see cref="IdAllocation.AllocateIdsAsync"/>).
/// </summary>
public sealed class IdReservoir
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Type, SortedSet<long>> _spare = [];

    /// <summary>
    /// Reserves at most <c>AtMost</c> ids of each entity: spare ones first, and on PostgreSQL a query in
    /// <paramref name="batch"/> for the rest. Call <see cref="Reservation.TakeAsync"/> once the batch has run.
    /// </summary>
    public Reservation Reserve(ComptoirDbContext db, ReadBatch batch, IReadOnlyList<(Type Entity, int AtMost)> bounds)
    {
        var reservation = new Reservation(this, db, bounds);
        if (!db.Database.IsNpgsql())
        {
            return reservation;
        }

        lock (_lock)
        {
            for (var i = 0; i < bounds.Count; i++)
            {
                if (_spare.TryGetValue(bounds[i].Entity, out var spare))
                {
                    foreach (var id in spare.Take(bounds[i].AtMost).ToList())
                    {
                        reservation.Held[i].Add(id);
                        spare.Remove(id);
                    }
                }
            }
        }

        var missing = bounds.Select((b, i) => (b.Entity, Count: b.AtMost - reservation.Held[i].Count)).ToList();
        if (missing.Any(m => m.Count > 0))
        {
            batch.Add(IdAllocation.NextValues(db, missing), row =>
            {
                for (var i = 0; i < missing.Count; i++)
                {
                    reservation.Held[i].UnionWith(row.GetFieldValue<long[]>(i));
                }
            });
        }

        return reservation;
    }

    private void GiveBack(Type entity, IEnumerable<long> ids)
    {
        lock (_lock)
        {
            if (!_spare.TryGetValue(entity, out var spare))
            {
                _spare[entity] = spare = [];
            }

            spare.UnionWith(ids);
        }
    }

    /// <summary>The ids one batch holds.</summary>
    public sealed class Reservation
    {
        private readonly IdReservoir _reservoir;
        private readonly ComptoirDbContext _db;
        private readonly IReadOnlyList<(Type Entity, int AtMost)> _bounds;

        internal Reservation(IdReservoir reservoir, ComptoirDbContext db, IReadOnlyList<(Type Entity, int AtMost)> bounds)
        {
            _reservoir = reservoir;
            _db = db;
            _bounds = bounds;
            Held = [.. bounds.Select(_ => new SortedSet<long>())];
        }

        internal SortedSet<long>[] Held { get; }

        /// <summary>
        /// <paramref name="counts"/>[i] ids of entity i (at most its bound), smallest first; the rest go back to the
        /// reservoir. On SQLite, allocated now, inside the caller's write transaction.
        /// </summary>
        public async Task<long[][]> TakeAsync(IReadOnlyList<int> counts, CancellationToken cancellationToken)
        {
            if (!_db.Database.IsNpgsql())
            {
                return await _db.AllocateIdsAsync([.. _bounds.Select((b, i) => (b.Entity, counts[i]))], cancellationToken);
            }

            var result = new long[counts.Count][];
            for (var i = 0; i < counts.Count; i++)
            {
                if (counts[i] > _bounds[i].AtMost || counts[i] > Held[i].Count)
                {
                    throw new InvalidOperationException(
                        $"{counts[i].ToString(CultureInfo.InvariantCulture)} ids of {_bounds[i].Entity.Name} asked for, {Held[i].Count.ToString(CultureInfo.InvariantCulture)} reserved.");
                }

                result[i] = [.. Held[i].Take(counts[i])];
                _reservoir.GiveBack(_bounds[i].Entity, Held[i].Skip(counts[i]));
                Held[i].Clear();
            }

            return result;
        }
    }
}
