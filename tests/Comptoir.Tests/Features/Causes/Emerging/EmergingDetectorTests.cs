using Comptoir.Features.Causes.Emerging;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary>The pure detection core: terms, histories, scores and merged flags.</summary>
public sealed class EmergingDetectorTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly IReadOnlySet<string> NoTaxonomy = new HashSet<string>();

    private static readonly string[] Everyday =
    [
        "Ma commande n'est pas arrivée, le livreur n'est jamais venu.",
        "Le remboursement de mon avoir n'apparaît toujours pas sur mon compte.",
        "Les fraises étaient moisies dès le lendemain de l'achat.",
        "La caisse automatique a refusé mon bon de réduction.",
        "Impossible de me connecter à l'application depuis ce matin.",
    ];

    [Fact]
    public void Terms_are_folded_words_and_neighbouring_pairs_without_stop_words_nor_bare_numbers()
    {
        var terms = EmergingTerms.Of("Depuis la mise à jour iOS 17.2, le paiement 3DS2 échoue ; commande 608428726.");

        Assert.Contains("ios", terms);
        Assert.Contains("17.2", terms);
        Assert.Contains("ios 17.2", terms);
        Assert.Contains("3ds2", terms);
        Assert.Contains("paiement 3ds2", terms);
        Assert.Contains("echoue", terms);
        Assert.DoesNotContain("608428726", terms);
        Assert.DoesNotContain("la", terms);
        Assert.DoesNotContain("depuis", terms);
    }

    [Fact]
    public void An_unseen_term_surging_is_flagged_with_its_count_and_score_and_a_steady_term_is_not()
    {
        var watch = WatchWithHistory(days: 21);
        var today = Start.AddDays(21);
        var counts = Day(today, 200, surge: ("Paiement refusé, le code 3DS2 de ma banque n'arrive jamais.", 25));

        var flags = watch.Detect(today, counts, NoTaxonomy);

        var flag = Assert.Single(flags, f => f.Key.Contains("3ds2", StringComparison.Ordinal));
        Assert.True(flag.Unseen);
        Assert.Equal(25, flag.Count);
        Assert.True(flag.Score >= 4, $"score {flag.Score}");
        Assert.DoesNotContain(flags, f => f.Key is "commande" or "fraises" or "remboursement");
        Assert.DoesNotContain(flags, f => f.Kind == EmergingKind.Cause);
    }

    [Fact]
    public void A_few_contacts_with_a_new_word_are_noise_and_nothing_is_flagged_before_the_warm_up()
    {
        var watch = WatchWithHistory(days: 21);
        var today = Start.AddDays(21);
        var young = WatchWithHistory(days: 3);

        var few = watch.Detect(today, Day(today, 200, surge: ("Le code 3DS2 n'arrive pas.", 5)), NoTaxonomy);
        var early = young.Detect(Start.AddDays(3), Day(Start.AddDays(3), 200, surge: ("Le code 3DS2 n'arrive pas.", 40)), NoTaxonomy);

        Assert.Empty(few);
        Assert.Empty(early);
    }

    [Fact]
    public void A_term_of_the_taxonomy_is_not_flagged_but_its_cause_surging_is()
    {
        var watch = new EmergingWatch(new EmergingOptions());
        for (var d = 0; d < 21; d++)
        {
            var day = Day(Start.AddDays(d), 200, cause: (7, 6));
            watch.Fold(Start.AddDays(d), day);
        }

        var today = Start.AddDays(21);
        var counts = Day(today, 200, surge: ("Mon paiement est refusé par la banque.", 30), cause: (7, 36));
        var taxonomy = EmergingTerms.Words("Paiement refusé banque").ToHashSet();

        var flags = watch.Detect(today, counts, taxonomy);

        var cause = Assert.Single(flags, f => f.Kind == EmergingKind.Cause);
        Assert.Equal(("7", 36), (cause.Key, cause.Count));
        Assert.InRange(cause.Expected, 5, 7);
        Assert.DoesNotContain(flags, f => f.Kind == EmergingKind.Term && f.Key.Contains("paiement", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_covering_its_words_replaces_them_and_a_partial_pair_gives_way_to_its_word()
    {
        static EmergingFlag Term(string key, int count, double score) => new(EmergingKind.Term, key, count, 0, score, true);

        var merged = EmergingDetector.Merge([Term("ios", 30, 9), Term("17.2", 28, 8), Term("ios 17.2", 27, 8.5), Term("3ds2", 40, 12), Term("3ds2 code", 10, 5)]);

        Assert.Equal(["ios 17.2", "3ds2"], merged.Select(f => f.Key));
    }

    [Fact]
    public void A_history_counts_missing_days_as_zeros()
    {
        var history = TermHistory.Start(Start, 0.1, scopeIsNew: true);

        var later = history.AsOf(Start.AddDays(11));

        Assert.Equal(0.1 * Math.Pow(1 - TermHistory.Alpha, 10), later.Mean, 6);
        Assert.Equal(1, later.DaysSeen);
    }

    private static EmergingWatch WatchWithHistory(int days)
    {
        var watch = new EmergingWatch(new EmergingOptions());
        for (var d = 0; d < days; d++)
        {
            watch.Fold(Start.AddDays(d), Day(Start.AddDays(d), 200 + (d % 3 * 20)));
        }

        return watch;
    }

    /// <summary>A day of everyday contacts, some of them replaced by a surge of one text, some with a cause.</summary>
    private static DayCounts Day(DateOnly day, int contacts, (string Text, int Count)? surge = null, (int Cause, int Count)? cause = null)
    {
        var counts = new DayCounts();
        for (var i = 0; i < contacts; i++)
        {
            var text = surge is { } s && i < s.Count ? s.Text : Everyday[(i + day.DayNumber) % Everyday.Length] + " Réf " + i;
            counts.Add(EmergingTerms.Of(text), cause is { } c && i >= contacts - c.Count ? c.Cause : 1);
        }

        return counts;
    }
}
