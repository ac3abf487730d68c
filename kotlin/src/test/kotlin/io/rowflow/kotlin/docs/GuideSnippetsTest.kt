package io.rowflow.kotlin.docs

import io.rowflow.Database
import io.rowflow.kotlin.CoroutineDatabase
import io.rowflow.test.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/** Runs the Kotlin guide's code on H2, and keeps the guide quoting it line for line. */
class GuideSnippetsTest {

    private lateinit var database: Database
    private lateinit var db: CoroutineDatabase

    @BeforeEach
    fun createTables() {
        database = Database.connect(TestDatabases.h2Url())
        database.schema().create(Author::class.java, Book::class.java).block(Duration.ofSeconds(30))
        db = GuideSnippets.coroutineView(database)
    }

    @AfterEach
    fun close() = database.close()

    @Test
    fun theSnippetsDoWhatTheGuideSays(): Unit = runBlocking {
        assertThat(GuideSnippets.addBook(db)?.title).isEqualTo("Dune")
        db.insert(Book(title = "Solaris", year = 1961, subtitle = "a novel"))
        db.insert(Book(title = "Roadside Picnic", year = 1972))
        assertThat(GuideSnippets.oldBooksWithoutSubtitle(db).map { it.title }.toList()).containsExactly("Dune")

        val author = GuideSnippets.authorWithBooks(db, "Ursula K. Le Guin", "The Lathe of Heaven", "The Dispossessed")
        assertThat(db.count(io.rowflow.query.Queries.select(Book_.BOOK).where(Book_.BOOK.authorId.eq(author.id!!))))
            .isEqualTo(2)
        // a title too long for its column fails the second insert: the author inserted first is rolled back
        assertThatThrownBy { runBlocking { GuideSnippets.authorWithBooks(db, "Nobody", "x".repeat(201)) } }
            .isInstanceOf(io.rowflow.DataAccessException::class.java)
        assertThat(db.count<Author>()).isEqualTo(1)
        assertThat(db.count<Book>()).isEqualTo(5)
    }

    @Test
    fun everyKotlinBlockOfTheGuideAppearsLineForLineInTheSources() {
        val sources = Files.walk(Path.of("src")).use { paths ->
            paths.filter { it.toString().endsWith(".kt") }.map { significant(Files.readAllLines(it)) }.toList()
        }
        val blocks = kotlinBlocks(Files.readAllLines(Path.of("../docs/kotlin.md")))
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(4)
        val missing = blocks.filter { block -> sources.none { java.util.Collections.indexOfSubList(it, block) >= 0 } }
        assertThat(missing.map { it.first() }).`as`("Kotlin blocks of docs/kotlin.md not found in kotlin/src").isEmpty()
    }

    private fun kotlinBlocks(lines: List<String>): List<List<String>> {
        val blocks = mutableListOf<List<String>>()
        var current: MutableList<String>? = null
        for (line in lines) {
            when {
                current == null && line.trim() == "```kotlin" -> current = mutableListOf()
                current != null && line.trim() == "```" -> { blocks.add(significant(current)); current = null }
                current != null -> current.add(line)
            }
        }
        return blocks
    }

    private fun significant(lines: List<String>): List<String> = lines.map { it.trim() }.filter { it.isNotEmpty() }
}
