using System.Diagnostics;
using System.Globalization;

namespace Comptoir.Bench;

/// <summary>
/// Processor time spent during a measurement by this process (the Comptoir host and the benchmark's clients)
/// and by the local PostgreSQL server's processes, read from <c>/proc</c>. Unlike a rate, the processor time
/// per contact hardly depends on what else the shared machine runs at the time, so two runs can be compared
/// even when their rates are not.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _process;
    private readonly TimeSpan _postgres;

    private CpuMeter(TimeSpan process, TimeSpan postgres)
    {
        _process = process;
        _postgres = postgres;
    }

    public static CpuMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, PostgresTime());

    /// <summary>Milliseconds of processor time per unit of work since <see cref="Start"/>, for this process and for PostgreSQL.</summary>
    public string PerUnit(int units, string unit)
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime - _process;
        var postgres = PostgresTime() - _postgres;
        return string.Create(CultureInfo.InvariantCulture,
            $"processor time per {unit}: {process.TotalMilliseconds / units:F2} ms in this process (host and clients), {postgres.TotalMilliseconds / units:F2} ms in PostgreSQL");
    }

    /// <summary>User and system time of every process named <c>postgres</c>, the exited backends' included (through their parent's children times).</summary>
    private static TimeSpan PostgresTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                if (name != "postgres")
                {
                    continue;
                }

                // Fields after the name: state is field 3; utime 14, stime 15, cutime 16, cstime 17 (1-based).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (fields[1] == "1" || !IsPostgres(fields[1]))
                {
                    // The postmaster: add the times of its children that have exited (backends of closed connections).
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process this one may not read: not PostgreSQL's when run as the benchmark runs.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static bool IsPostgres(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')] == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
