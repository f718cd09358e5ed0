using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Causes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CauseConfidence",
                table: "Conversations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CauseModelVersionId",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CauseState",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CauseModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExampleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CauseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOutAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    TrainingMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Causes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EnglishName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    OwningTeam = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrioritySince = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Causes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Causes_Causes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CauseCounts",
                columns: table => new
                {
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    CauseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseCounts", x => new { x.Scope, x.ScopeId, x.Hour, x.CauseId });
                    table.ForeignKey(
                        name: "FK_CauseCounts_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CauseExamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CauseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CauseExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CauseExamples_Causes_CauseId",
                        column: x => x.CauseId,
                        principalTable: "Causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // SQLite adds a column together with its foreign key in place; the separate AddColumn and
            // AddForeignKey EF Core generates would rebuild Conversations with foreign keys switched off,
            // outside the migration's transaction.
            migrationBuilder.Sql(
                "ALTER TABLE \"Conversations\" ADD COLUMN \"CauseId\" INTEGER NULL " +
                "CONSTRAINT \"FK_Conversations_Causes_CauseId\" REFERENCES \"Causes\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CauseId_CreatedAt",
                table: "Conversations",
                columns: new[] { "CauseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CauseCounts_CauseId",
                table: "CauseCounts",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseExamples_CauseId",
                table: "CauseExamples",
                column: "CauseId");

            migrationBuilder.CreateIndex(
                name: "IX_CauseExamples_ConversationId",
                table: "CauseExamples",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Causes_Code",
                table: "Causes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Causes_ParentId",
                table: "Causes",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conversations_Causes_CauseId",
                table: "Conversations");

            migrationBuilder.DropTable(
                name: "CauseCounts");

            migrationBuilder.DropTable(
                name: "CauseExamples");

            migrationBuilder.DropTable(
                name: "CauseModels");

            migrationBuilder.DropTable(
                name: "Causes");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_CauseId_CreatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseConfidence",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseModelVersionId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CauseState",
                table: "Conversations");
        }
    }
}
